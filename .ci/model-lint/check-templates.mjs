// Element templates, the forms administrators fill in Camunda Modeler instead of typing bean
// names. Checks:
// - every .camunda/element-templates/**/*.json is a JSON array of templates that the Camunda 7
//   element templates JSON schema accepts, with unique id + version (Modeler skips, with only
//   a log line, any template that fails this);
// - every element a model marks as templated (camunda:modelerTemplate) names a template that
//   Modeler finds for that file (.camunda/element-templates in its folder or a parent), of a
//   type the template applies to, and still holds what the template fixes or requires:
//   Hidden values (for example the delegate expression), non-empty required fields, and
//   dropdown values among the choices. Someone editing the XML by hand is caught here.
//
// Usage: node check-templates.mjs PROJECT_DIR
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import Ajv from 'ajv';

import { Findings, allElements, count, describe, findFiles, findModels, loadModel } from './lib.mjs';

const require = createRequire(import.meta.url);
const schema = require('@camunda/element-templates-json-schema/resources/schema.json');

const root = process.argv[2] || process.cwd();
const findings = new Findings();

const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addSchema(schema);
const validateTemplate = ajv.getSchema(`${schema.$id}#/definitions/template`);

// (1) the template files
const TEMPLATE_FILE = /(^|\/)\.camunda\/element-templates\/(.+\/)?[^/]+\.json$/;
const templateFiles = findFiles(root, '.', (rel) => TEMPLATE_FILE.test(rel));
const templatesByDir = new Map(); // ".../.camunda/element-templates" parent dir -> templates
let templateCount = 0;

for (const file of templateFiles) {
  let templates;
  try {
    templates = JSON.parse(readFileSync(join(root, file), 'utf8'));
  } catch (error) {
    findings.error(file, `not valid JSON (${error.message})`);
    continue;
  }
  if (!Array.isArray(templates)) {
    findings.error(file, 'an element templates file must hold a JSON array of templates');
    continue;
  }
  const owner = file.slice(0, file.indexOf('.camunda/element-templates/')).replace(/\/$/, '');
  const known = templatesByDir.get(owner) || [];
  templatesByDir.set(owner, known);

  templates.forEach((template, index) => {
    const label = `template ${template && template.id ? `'${template.id}'` : `#${index + 1}`}`;
    if (!validateTemplate(template)) {
      const messages = new Set(validateTemplate.errors
        .filter((e) => ![ 'if', 'oneOf', 'anyOf' ].includes(e.keyword))
        .map((e) => `${e.instancePath || '/'} ${e.message}${e.params && e.params.allowedValues ? ` (${e.params.allowedValues.join(', ')})` : ''}`));
      for (const message of messages) findings.error(file, `${label}: ${message}`);
      return;
    }
    const version = template.version ?? '_';
    if (known.some((t) => t.id === template.id && (t.version ?? '_') === version)) {
      findings.error(file, `${label}: id and version ${version} are used twice; Modeler ignores the second`);
      return;
    }
    for (const property of template.properties) {
      if (property.type === 'Dropdown' && property.value !== undefined
          && !property.choices.some((c) => c.value === property.value)) {
        findings.error(file, `${label}: dropdown '${property.label}' defaults to '${property.value}', which is not one of its choices`);
      }
    }
    known.push(template);
    templateCount++;
  });
}

// (2) templated elements in the models
function templatesFor(modelFile) {
  const found = [];
  for (let dir = dirname(modelFile); ; dir = dirname(dir)) {
    const key = dir === '.' ? '' : dir;
    found.push(...(templatesByDir.get(key) || []));
    if (key === '') return found;
  }
}

function bindingValue(element, binding) {
  if (binding.type === 'property') {
    return element.get(binding.name);
  }
  if (binding.type === 'camunda:property') {
    const values = (element.extensionElements && element.extensionElements.values) || [];
    for (const properties of values.filter((v) => v.$instanceOf('camunda:Properties'))) {
      const property = (properties.values || []).find((p) => p.name === binding.name);
      if (property) return property.value;
    }
    return undefined;
  }
  return null; // a binding this check does not read
}

const models = findModels(root);
let templated = 0;
for (const file of models) {
  let definitions;
  try {
    ({ definitions } = await loadModel(root, file));
  } catch (error) {
    findings.error(file, `cannot be read (${error.message.split('\n')[0]})`);
    continue;
  }
  const available = templatesFor(file);
  for (const element of allElements(definitions)) {
    const id = element.get('camunda:modelerTemplate');
    if (!id) continue;
    templated++;
    const version = element.get('camunda:modelerTemplateVersion');
    const versions = available.filter((t) => t.id === id);
    const template = versions.find((t) => (t.version ?? undefined) === (version ?? undefined));
    if (!template) {
      findings.error(file, `${describe(element)} uses template '${id}' version ${version ?? '(none)'}, which Modeler does not find in .camunda/element-templates beside or above this file`);
      continue;
    }
    const newest = Math.max(...versions.map((t) => t.version ?? 0));
    if ((version ?? 0) < newest) {
      findings.warn(file, `${describe(element)} uses version ${version} of template '${id}'; version ${newest} exists (Modeler offers the update)`);
    }
    if (!template.appliesTo.some((type) => element.$instanceOf(type))) {
      findings.error(file, `${describe(element)} is a ${element.$type}, but template '${id}' applies to ${template.appliesTo.join(', ')}`);
      continue;
    }
    for (const property of template.properties) {
      const value = bindingValue(element, property.binding);
      if (value === null) continue;
      const what = `${property.binding.type === 'camunda:property' ? 'camunda:property ' : ''}${property.binding.name}`;
      const text = value === undefined ? '' : String(value);
      if (property.type === 'Hidden' && property.value !== undefined && text !== String(property.value)) {
        findings.error(file, `${describe(element)}: ${what} is '${text}', but template '${id}' fixes it to '${property.value}'`);
        continue;
      }
      if (property.constraints && property.constraints.notEmpty && !text.trim()) {
        findings.error(file, `${describe(element)}: ${what} is empty, but template '${id}' requires it (${property.label || what})`);
        continue;
      }
      if (property.type === 'Dropdown' && value !== undefined && !property.choices.some((c) => c.value === text)) {
        findings.error(file, `${describe(element)}: ${what} is '${text}', not one of the choices of template '${id}'`);
      }
      const pattern = property.constraints && property.constraints.pattern;
      if (pattern && text) {
        const regex = typeof pattern === 'string' ? pattern : pattern.value;
        if (!new RegExp(regex).test(text)) {
          findings.error(file, `${describe(element)}: ${what} '${text}' does not match ${regex} (template '${id}')`);
        }
      }
    }
  }
}

findings.finish(`templates: ${count(templateCount, 'template')} in ${count(templateFiles.length, 'file')}, `
  + `${count(templated, 'templated element')} in ${count(models.length, 'model')}`);
