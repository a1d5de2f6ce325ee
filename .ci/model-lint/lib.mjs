// Shared by the model checks: finding files, reading BPMN with the Camunda extensions, and
// collecting findings so each check ends with one summary line and an exit code.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';

import { BpmnModdle } from 'bpmn-moddle';

const require = createRequire(import.meta.url);
const camundaDescriptor = require('camunda-bpmn-moddle/resources/camunda.json');

// Never descended into: build output, installed tools, the local database.
const SKIPPED_DIRS = new Set([ '.git', 'node_modules', 'target', 'data', '.idea', '.vscode' ]);

/** Every file under dir (relative to root, with /) for which accept(relativePath) is true. */
export function findFiles(root, dir, accept) {
  const found = [];
  const walk = (abs) => {
    let entries;
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(abs, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(path);
      } else if (entry.isFile()) {
        const rel = relative(root, path).split(sep).join('/');
        if (accept(rel)) found.push(rel);
      }
    }
  };
  walk(join(root, dir));
  return found.sort();
}

export function findModels(root) {
  return findFiles(root, 'processes', (rel) => rel.endsWith('.bpmn'));
}

/** Parses a BPMN file the way Modeler does (Camunda 7 extensions); throws on a parse error. */
export async function loadModel(root, rel) {
  const moddle = new BpmnModdle({ camunda: camundaDescriptor });
  const { rootElement, warnings } = await moddle.fromXML(readFileSync(join(root, rel), 'utf8'));
  return { definitions: rootElement, warnings };
}

/** Every moddle element below (and including) element, once each. */
export function allElements(element) {
  const seen = new Set();
  const out = [];
  const visit = (el) => {
    if (!el || typeof el !== 'object' || !el.$type || seen.has(el)) return;
    seen.add(el);
    out.push(el);
    for (const descriptor of el.$descriptor.properties) {
      if (descriptor.isReference || descriptor.isAttr) continue;
      const value = el.get(descriptor.name);
      if (Array.isArray(value)) value.forEach(visit);
      else visit(value);
    }
  };
  visit(element);
  return out;
}

/** "1 model", "2 models". */
export function count(n, noun) {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export function describe(element) {
  return element.name ? `'${element.id}' (${element.name})` : `'${element.id}'`;
}

/** Collects errors and warnings and prints them as "error  file: message". */
export class Findings {
  constructor() {
    this.errors = 0;
    this.warnings = 0;
  }

  error(file, message) {
    this.errors++;
    console.log(`  error    ${file}: ${message}`);
  }

  warn(file, message) {
    this.warnings++;
    console.log(`  warning  ${file}: ${message}`);
  }

  /** Prints the summary line and sets the exit code: 1 when there was any error. */
  finish(summary) {
    console.log(`${summary}: ${count(this.errors, 'error')}, ${count(this.warnings, 'warning')}`);
    process.exitCode = this.errors ? 1 : 0;
  }
}
