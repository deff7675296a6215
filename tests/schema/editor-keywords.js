// Keywords of the record schema that editors read and JSON Schema does not define:
// patternErrorMessage is the message yaml-language-server (and VS Code's JSON support) shows
// instead of a pattern that fails. ajv's strict mode refuses unknown keywords, so they are
// declared here as annotations: they never change whether a record is valid.
module.exports = (ajv) => {
  ajv.addKeyword({ keyword: "patternErrorMessage", schemaType: "string" });
  return ajv;
};
