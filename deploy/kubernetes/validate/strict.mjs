// Unknown fields: the schema validators of kubernetes-models accept any extra property, so a misspelt field
// ("readinesProbe") would pass them and be dropped by the API server. The packages' TypeScript declarations are exact,
// so each manifest is type-checked as an object literal of its kind's interface, where TypeScript reports every
// property the interface does not have (and every wrongly typed one).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const here = dirname(fileURLToPath(import.meta.url));

/** manifests: [{ label, module, kind, manifest }]; returns one message per problem, naming the manifest. */
export function uncheckedFields(manifests) {
  if (manifests.length === 0) return [];
  // Inside this folder, so the packages resolve from its node_modules.
  const dir = mkdtempSync(join(here, ".strict-"));
  try {
    const file = join(dir, "manifests.ts");
    const lines = [];
    const starts = [];
    manifests.forEach(({ module, kind, manifest }, i) => {
      lines.push(`import type { I${kind} as T${i} } from ${JSON.stringify(module)};`);
    });
    manifests.forEach(({ manifest }, i) => {
      starts.push(lines.length);
      lines.push(...`export const m${i}: T${i} = ${JSON.stringify(manifest, null, 1)};`.split("\n"));
    });
    writeFileSync(file, lines.join("\n"));
    const program = ts.createProgram([file], {
      noEmit: true,
      strict: true,
      skipLibCheck: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
    });
    return ts.getPreEmitDiagnostics(program).map((d) => {
      const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : -1;
      const index = starts.findLastIndex((s) => s <= line);
      const label = index >= 0 ? manifests[index].label : "manifests";
      return `${label}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
