// Reads the fenced GraphQL operations of a Markdown guide, each with the JSON
// variables block that follows it (if any), and checks them against the SDL.
import { readFileSync } from 'node:fs';
import { buildSchema, getVariableValues, parse, validate } from 'graphql';

/**
 * Every ```graphql block, with the ```json block right after it (nothing but
 * blank lines between) as its variables. A block fenced as ```graphql plugin
 * uses fields a loaded plugin adds to the schema (`call { … }`), which the SDL
 * does not have: it is left out.
 */
export function guideBlocks(path) {
  const text = readFileSync(path, 'utf8');
  const fences = [...text.matchAll(/^```(\w*)([^\n]*)\n([\s\S]*?)^```$/gm)].map((m) => ({
    lang: m[1],
    info: m[2].trim(),
    body: m[3],
    index: m.index,
    end: m.index + m[0].length,
  }));
  const blocks = [];
  fences.forEach((fence, i) => {
    if (fence.lang !== 'graphql' || fence.info === 'plugin') return;
    const next = fences[i + 1];
    // Variables belong to the operation when their block follows it directly.
    const variables = next?.lang === 'json' && text.slice(fence.end, next.index).trim() === '' ? next.body : null;
    blocks.push({ line: text.slice(0, fence.index).split('\n').length + 1, source: fence.body, variables });
  });
  return blocks;
}

export function loadSchema(sdlPath) {
  return buildSchema(readFileSync(sdlPath, 'utf8'));
}

/** Problems of one block: syntax, validation against the schema, and variables that do not fit the operation. */
export function checkBlock(schema, block) {
  let document;
  try {
    document = parse(block.source);
  } catch (error) {
    return [`syntax: ${error.message}`];
  }
  const problems = validate(schema, document).map((error) => error.message);
  if (problems.length || block.variables === null) return problems;
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition');
  let values;
  try {
    values = JSON.parse(block.variables);
  } catch (error) {
    return [`variables: not JSON: ${error.message}`];
  }
  const { errors } = getVariableValues(schema, operation?.variableDefinitions ?? [], values);
  problems.push(...(errors ?? []).map((error) => `variables: ${error.message}`));
  // A variable the operation does not declare would be silently ignored by the server.
  const declared = new Set((operation?.variableDefinitions ?? []).map((d) => d.variable.name.value));
  for (const name of Object.keys(values))
    if (!declared.has(name)) problems.push(`variables: "${name}" is not a variable of the operation`);
  return problems;
}
