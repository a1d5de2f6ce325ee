// Every form a model names (camunda:formRef) must exist as forms/*.form with that "id", and
// every form must be valid JSON with an "id" and a "components" list: the engine only finds
// out when a case reaches the step, and a deployment without the form is refused.
//
// Usage: node check-forms.mjs PROJECT_DIR
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Findings, allElements, count, describe, findFiles, findModels, loadModel } from './lib.mjs';

const root = process.argv[2] || process.cwd();
const findings = new Findings();

// (1) the forms
const forms = new Map(); // id -> file
for (const file of findFiles(root, 'forms', (rel) => rel.endsWith('.form'))) {
  let form;
  try {
    form = JSON.parse(readFileSync(join(root, file), 'utf8'));
  } catch (error) {
    findings.error(file, `not valid JSON (${error.message})`);
    continue;
  }
  if (!form || typeof form !== 'object' || Array.isArray(form)) {
    findings.error(file, 'a form must be a JSON object');
    continue;
  }
  if (typeof form.id !== 'string' || !form.id.trim()) {
    findings.error(file, 'the form has no "id"');
    continue;
  }
  if (!Array.isArray(form.components)) {
    findings.error(file, `form '${form.id}' has no "components" list`);
  }
  if (forms.has(form.id)) {
    findings.error(file, `form id '${form.id}' is also used by ${forms.get(form.id)}`);
    continue;
  }
  forms.set(form.id, file);
}

// (2) the references from the models
const models = findModels(root);
const used = new Set();
let references = 0;
for (const file of models) {
  let definitions;
  try {
    ({ definitions } = await loadModel(root, file));
  } catch (error) {
    findings.error(file, `cannot be read (${error.message.split('\n')[0]})`);
    continue;
  }
  for (const element of allElements(definitions)) {
    const formRef = element.get('camunda:formRef');
    if (formRef === undefined) continue;
    references++;
    if (!formRef.trim()) {
      findings.error(file, `${describe(element)} has an empty camunda:formRef`);
    } else if (formRef.includes('${') || formRef.includes('#{')) {
      findings.warn(file, `${describe(element)} chooses its form by expression (${formRef}); not checked`);
    } else if (!forms.has(formRef)) {
      findings.error(file, `${describe(element)} refers to form '${formRef}', which no forms/*.form defines`);
    } else {
      used.add(formRef);
    }
    if (formRef.trim() && !element.get('camunda:formRefBinding')) {
      findings.error(file, `${describe(element)} has camunda:formRef without camunda:formRefBinding (use "deployment")`);
    }
  }
}

for (const [ id, file ] of forms) {
  if (!used.has(id)) {
    findings.warn(file, `form '${id}' is not used by any model in processes/`);
  }
}

findings.finish(`forms: ${count(forms.size, 'form')}, ${count(references, 'reference')} from ${count(models.length, 'model')}`);
