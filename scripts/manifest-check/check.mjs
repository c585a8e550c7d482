// Checks Kubernetes manifests against the schemas of the objects they declare, offline: the
// Kubernetes API's own (kubernetes-models, generated from its OpenAPI definitions) and KEDA's (for
// ScaledObject and TriggerAuthentication). Types, enums and required fields are checked, as
// kubeconform does by default; what kustomize does with the files is ManifestsTest's business.
//
//   node check.mjs <folder>...    prints one line per object, exits 1 if any is invalid or unknown
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";

const MODELS = {
  "v1": "kubernetes-models/v1",
  "apps/v1": "kubernetes-models/apps/v1",
  "policy/v1": "kubernetes-models/policy/v1",
  "autoscaling/v2": "kubernetes-models/autoscaling/v2",
  "networking.k8s.io/v1": "kubernetes-models/networking.k8s.io/v1",
  "keda.sh/v1alpha1": "@kubernetes-models/keda/keda.sh/v1alpha1",
};
// Kustomize's own file is not an object the API server sees.
const NOT_OBJECTS = new Set(["kustomize.config.k8s.io/v1beta1 Kustomization"]);

function yamlFiles(path) {
  if (statSync(path).isDirectory()) {
    return readdirSync(path).sort().flatMap((name) => yamlFiles(join(path, name)));
  }
  return /\.ya?ml$/.test(path) ? [path] : [];
}

async function problemWith(object) {
  const { apiVersion, kind } = object ?? {};
  if (NOT_OBJECTS.has(`${apiVersion} ${kind}`)) {
    return null;
  }
  if (!MODELS[apiVersion] || !/^[A-Za-z]+$/.test(kind ?? "")) {
    return `no schema known for apiVersion ${apiVersion}, kind ${kind}`;
  }
  let model;
  try {
    model = (await import(`${MODELS[apiVersion]}/${kind}`))[kind];
  } catch {
    return `no schema known for apiVersion ${apiVersion}, kind ${kind}`;
  }
  try {
    new model(object).validate();
    return null;
  } catch (error) {
    return error.message.replaceAll("data/", "/").replace(/^data /, "");
  }
}

const folders = process.argv.slice(2);
if (folders.length === 0) {
  console.error("usage: node check.mjs <folder or file>...");
  process.exit(2);
}
let invalid = 0;
for (const file of folders.flatMap(yamlFiles)) {
  const documents = parseAllDocuments(readFileSync(file, "utf8"));
  for (const [index, document] of documents.entries()) {
    const name = `${file}#${index + 1}`;
    if (document.errors.length > 0) {
      invalid++;
      console.log(`INVALID ${name}: not YAML: ${document.errors[0].message}`);
      continue;
    }
    const object = document.toJS();
    const problem = await problemWith(object);
    const what = `${object?.kind ?? "?"} ${object?.metadata?.name ?? ""}`.trim();
    if (problem) {
      invalid++;
      console.log(`INVALID ${name} (${what}): ${problem}`);
    } else {
      console.log(`ok ${name} (${what})`);
    }
  }
}
console.log(invalid === 0 ? "every manifest matches its schema" : `${invalid} manifest(s) do not match their schema`);
process.exit(invalid === 0 ? 0 : 1);
