// diagnostics.js FILE...: runs yaml-language-server (the language server that VS Code's YAML
// extension and other editors use) over each YAML file, as an editor would with the file open,
// and prints one JSON line per diagnostic: {"file", "line" (from 1), "severity" ("error",
// "warning", "info"), "message"}. Each file names its schema itself, as cpconf's records do, on
// a first line "# yaml-language-server: $schema=...". Exit 2 if the server does not answer.
"use strict";
const { spawn } = require("child_process");
const fs = require("fs");
const path = require("path");
const { pathToFileURL } = require("url");

const files = process.argv.slice(2).map((f) => path.resolve(f));
const server = spawn(process.execPath, [require.resolve("yaml-language-server/bin/yaml-language-server"), "--stdio"], {
  stdio: ["pipe", "pipe", "inherit"],
});

let nextId = 1;
const pending = new Map();
function send(message) {
  const body = JSON.stringify({ jsonrpc: "2.0", ...message });
  server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}
function request(method, params) {
  const id = nextId++;
  send({ id, method, params });
  return new Promise((resolve) => pending.set(id, resolve));
}

const waiting = new Map(); // uri -> resolve, for the file's diagnostics
const results = new Map();
let buffer = Buffer.alloc(0);
server.stdout.on("data", (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const end = buffer.indexOf("\r\n\r\n");
    if (end < 0) return;
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.slice(0, end).toString())[1]);
    if (buffer.length < end + 4 + length) return;
    const message = JSON.parse(buffer.slice(end + 4, end + 4 + length).toString());
    buffer = buffer.slice(end + 4 + length);
    if (message.id !== undefined && pending.has(message.id)) {
      pending.get(message.id)(message.result);
      pending.delete(message.id);
    } else if (message.id !== undefined && message.method) {
      // The server asks for configuration and the like: answer with nothing special.
      send({ id: message.id, result: message.method === "workspace/configuration" ? [{ validate: true }] : null });
    } else if (message.method === "textDocument/publishDiagnostics") {
      const resolve = waiting.get(message.params.uri);
      if (resolve) {
        waiting.delete(message.params.uri);
        resolve(message.params.diagnostics);
      }
    }
  }
});

const severities = { 1: "error", 2: "warning", 3: "info", 4: "info" };
async function main() {
  const timer = setTimeout(() => {
    console.error("diagnostics.js: yaml-language-server did not answer in 60 s");
    process.exit(2);
  }, 60000);
  await request("initialize", {
    processId: process.pid,
    rootUri: pathToFileURL(process.cwd()).href,
    capabilities: { textDocument: { publishDiagnostics: {} }, workspace: { configuration: true } },
  });
  send({ method: "initialized", params: {} });
  send({ method: "workspace/didChangeConfiguration", params: { settings: { yaml: { validate: true, schemaStore: { enable: false } } } } });
  for (const file of files) {
    const uri = pathToFileURL(file).href;
    const diagnostics = new Promise((resolve) => waiting.set(uri, resolve));
    send({
      method: "textDocument/didOpen",
      params: { textDocument: { uri, languageId: "yaml", version: 1, text: fs.readFileSync(file, "utf8") } },
    });
    for (const d of await diagnostics) {
      console.log(JSON.stringify({ file, line: d.range.start.line + 1, severity: severities[d.severity] || "error", message: d.message }));
    }
  }
  clearTimeout(timer);
  await request("shutdown", null);
  send({ method: "exit" });
  server.stdin.end();
}
main();
