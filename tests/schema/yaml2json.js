#!/usr/bin/env node
// Converts one YAML record to JSON for ajv: node yaml2json.js IN.yaml OUT.json
//
// js-yaml's CORE_SCHEMA is YAML 1.2's core schema, which is what cpconf reads: unquoted
// 2026-03-20 stays a string (ajv-cli's own YAML reader would make it a Date), and only
// true/True/TRUE/false/False/FALSE are booleans. Exit 3 when the file is not valid YAML.
//
// JSON keeps no trace of how a number was written, so the schema cannot tell 0x5, +5, 5.0 or
// 5e0 from 5 (cpconf takes only plain decimal digits as a whole number), nor `!!str 5` from
// "5". Anchors and aliases, which cpconf refuses, are expanded here. cpconf itself reports these.
"use strict";

const fs = require("fs");
const yaml = require("js-yaml");

function main(argv) {
  if (argv.length !== 2) {
    process.stderr.write("usage: node yaml2json.js IN.yaml OUT.json\n");
    return 2;
  }
  const [input, output] = argv;
  let bytes;
  try {
    bytes = fs.readFileSync(input);
  } catch (error) {
    process.stderr.write(`${input}: ${error.message}\n`);
    return 2;
  }
  // Records must be UTF-8, as cpconf requires: no silent replacement of bad bytes.
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (error) {
    process.stderr.write(`${input}: not UTF-8 text: ${error.message}\n`);
    return 3;
  }
  let data;
  try {
    data = yaml.load(text, { filename: input, schema: yaml.CORE_SCHEMA });
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    return 3;
  }
  // An empty file loads as undefined; .inf and .nan have no JSON number: keep them as the
  // text cpconf would see, so that a text field still accepts them and a number field does not.
  const json = JSON.stringify(data === undefined ? null : data, (key, value) => {
    if (typeof value === "number" && !Number.isFinite(value)) {
      return Number.isNaN(value) ? ".nan" : value > 0 ? ".inf" : "-.inf";
    }
    return value;
  });
  fs.writeFileSync(output, `${json}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
