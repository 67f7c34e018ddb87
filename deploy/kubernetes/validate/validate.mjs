#!/usr/bin/env node
// Reads rendered manifests (kubectl kustomize output) on stdin and validates every document against the API schema of
// its apiVersion and kind: kubernetes-models carries the Kubernetes OpenAPI schemas compiled into validators, and
// @kubernetes-models/prometheus-operator those of the ServiceMonitor CRD; strict.mjs then rejects unknown fields. A
// kind no package knows is an error rather than a pass, so nothing reaches a cluster unchecked.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import * as kubernetes from "kubernetes-models";
import * as prometheusOperator from "@kubernetes-models/prometheus-operator";
import { uncheckedFields } from "./strict.mjs";

const packages = [
  { name: "kubernetes-models", exports: kubernetes },
  { name: "@kubernetes-models/prometheus-operator", exports: prometheusOperator },
];

// The packages export one namespace per API group, its name in camel case ("networking.k8s.io" is networkingK8sIo), and
// in it one per version; the core group's versions are at the top ("v1").
const camelCase = (group) => group.replace(/[.-](\w)/g, (_, letter) => letter.toUpperCase());

// The model class of a kind and the module that declares its TypeScript interface.
function modelOf(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  for (const { name, exports } of packages) {
    const namespace = group === "" ? exports[version] : exports[camelCase(group)]?.[version];
    if (namespace?.[kind]) {
      return { Model: namespace[kind], module: group === "" ? `${name}/${version}` : `${name}/${group}/${version}` };
    }
  }
  return undefined;
}

const source = process.argv[2] ?? "stdin";
const text = readFileSync(process.argv[2] ?? 0, "utf8");
let failures = 0;
let checked = 0;
const typed = [];
for (const doc of parseAllDocuments(text)) {
  if (doc.errors.length > 0) {
    console.error(`${source}: YAML error: ${doc.errors[0].message}`);
    failures++;
    continue;
  }
  const manifest = doc.toJS();
  if (manifest == null) continue;
  const name = `${manifest.kind ?? "?"}/${manifest.metadata?.name ?? "?"}`;
  const found = manifest.apiVersion && manifest.kind ? modelOf(manifest.apiVersion, manifest.kind) : undefined;
  if (!found) {
    console.error(`${source}: ${name}: no schema for ${manifest.apiVersion} ${manifest.kind}`);
    failures++;
    continue;
  }
  try {
    new found.Model(manifest).validate();
    checked++;
    typed.push({ label: `${source}: ${name}`, module: found.module, kind: manifest.kind, manifest });
  } catch (error) {
    console.error(`${source}: ${name}: ${error.message}`);
    failures++;
  }
}
const problems = uncheckedFields(typed);
for (const problem of problems) console.error(problem);
const invalidTyped = new Set(problems.map((p) => p.split(": ").slice(0, 2).join(": ")));
checked -= invalidTyped.size;
failures += invalidTyped.size;
console.log(`${source}: ${checked} valid, ${failures} invalid`);
process.exit(failures > 0 || checked === 0 ? 1 : 0);
