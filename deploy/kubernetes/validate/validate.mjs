#!/usr/bin/env node
// Reads rendered manifests (kubectl kustomize output) on stdin and validates every document against the API schema of
// its apiVersion and kind: kubernetes-models carries the Kubernetes OpenAPI schemas compiled into validators, and
// @kubernetes-models/prometheus-operator those of the ServiceMonitor CRD. A kind no package knows is an error rather
// than a pass, so nothing reaches a cluster unchecked.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import * as kubernetes from "kubernetes-models";
import * as prometheusOperator from "@kubernetes-models/prometheus-operator";

const groups = [kubernetes, prometheusOperator];

// The packages export one namespace per API group, its name in camel case ("networking.k8s.io" is networkingK8sIo), and
// in it one per version; the core group's versions are at the top ("v1").
const camelCase = (group) => group.replace(/[.-](\w)/g, (_, letter) => letter.toUpperCase());

function modelOf(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  for (const pkg of groups) {
    const namespace = group === "" ? pkg[version] : pkg[camelCase(group)]?.[version];
    if (namespace?.[kind]) return namespace[kind];
  }
  return undefined;
}

const source = process.argv[2] ?? "stdin";
const text = readFileSync(process.argv[2] ?? 0, "utf8");
let failures = 0;
let checked = 0;
for (const doc of parseAllDocuments(text)) {
  if (doc.errors.length > 0) {
    console.error(`${source}: YAML error: ${doc.errors[0].message}`);
    failures++;
    continue;
  }
  const manifest = doc.toJS();
  if (manifest == null) continue;
  const name = `${manifest.kind ?? "?"}/${manifest.metadata?.name ?? "?"}`;
  const Model = manifest.apiVersion && manifest.kind ? modelOf(manifest.apiVersion, manifest.kind) : undefined;
  if (!Model) {
    console.error(`${source}: ${name}: no schema for ${manifest.apiVersion} ${manifest.kind}`);
    failures++;
    continue;
  }
  try {
    new Model(manifest).validate();
    checked++;
  } catch (error) {
    console.error(`${source}: ${name}: ${error.message}`);
    failures++;
  }
}
console.log(`${source}: ${checked} valid, ${failures} invalid`);
process.exit(failures > 0 || checked === 0 ? 1 : 0);
