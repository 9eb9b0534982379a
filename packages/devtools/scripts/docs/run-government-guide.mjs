// Runs docs/guides/getting-started-government.md against a demo hub: every
// operation of the guide, in the guide's order, with the guide's variables —
// only the "<…>" placeholders are filled in with the ids earlier steps
// returned. What the guide leaves to companies (questions, submissions) is
// done here between its steps. Needs the built hub (packages/hub/dist).
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'graphql';
import { guideBlocks } from './guide-blocks.mjs';

export async function runGovernmentGuide(root) {
  const blocks = new Map(
    guideBlocks(join(root, 'docs/guides/getting-started-government.md')).map((block) => {
      const operation = parse(block.source).definitions.find((d) => d.kind === 'OperationDefinition');
      return [operation.name.value, block];
    }),
  );
  const used = new Set();
  const ids = {};
  const fill = (value) =>
    typeof value === 'string' && /^<.+>$/.test(value)
      ? (ids[value] ??
        fail(`the guide's placeholder ${value} has no value yet: a step that returns it is missing or comes later`))
      : Array.isArray(value)
        ? value.map(fill)
        : value && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v)]))
          : value;

  const hub = await startDemoHub(root);
  try {
    const call = async (query, variables, key) => {
      const response = await fetch(hub.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = await response.json();
      if (body.errors) fail(`${query.split('{')[0].trim()}: ${JSON.stringify(body.errors)}`);
      return body.data;
    };
    /** Runs the guide's operation `name` with its variables (or `variables` where the guide gives them in prose). */
    const step = (name, key, variables) => {
      const block = blocks.get(name) ?? fail(`the guide has no operation named ${name}`);
      used.add(name);
      return call(block.source, fill(variables ?? (block.variables ? JSON.parse(block.variables) : {})), key);
    };
    const guideVariables = (name) => JSON.parse(blocks.get(name).variables);

    // 1. Sign in.
    const admin = (await step('SignIn')).demoLogin.secret;
    ids["<your agency's id>"] = (await step('WhoAmI', admin)).viewer.organization.id;

    // 2. The team: a manager as written, then the reviewer as the prose says.
    const manager = (await step('AddMember', admin)).addMember.member;
    const added = guideVariables('AddMember');
    const reviewer = (
      await step('AddMember', admin, {
        input: { ...added.input, name: 'Seo Jun (서준)', email: 'jun.seo@mois.example', roles: ['REVIEWER'] },
      })
    ).addMember.member;
    ids["<the new member's id>"] = manager.id;
    const managerKey = (await step('CreateKey', admin)).createApiKey.secret;
    ids["<the new member's id>"] = reviewer.id;
    const reviewerKey = (await step('CreateKey', admin)).createApiKey.secret;
    ids["<the reviewer's id>"] = reviewer.id;

    // 3. Draft; 4. connect the data and link it.
    ids["<the challenge's id>"] = (await step('PostChallenge', managerKey)).createChallenge.challenge.id;
    // The guide's shell step, in this hub's data folder instead of .maru-data.
    mkdirSync(join(hub.dataDir, 'imports/mois'), { recursive: true });
    copyFileSync(
      join(root, 'packages/hub/demo-data/sports-facilities.csv'),
      join(hub.dataDir, 'imports/mois/shelters.csv'),
    );
    ids["<the data connection's id>"] = (await step('Connect', admin)).createDataConnection.dataConnection.id;
    const sync = (await step('SyncNow', admin)).syncDataConnection.sync;
    if (sync.status !== 'SUCCEEDED' || sync.inserted === 0)
      fail(`the guide's CSV sync did not succeed: ${JSON.stringify(sync)}`);
    const linked = (await step('LinkData', managerKey)).updateChallenge.challenge.dataConnections;
    if (linked.length !== 1) fail(`the data connection was not linked: ${JSON.stringify(linked)}`);

    // 5. Publish, announce; companies ask and enter; the agency answers and hears of entries.
    if ((await step('Publish', managerKey)).publishChallenge.challenge.status !== 'OPEN')
      fail('Publish did not open the challenge');
    const entries = await subscribe(hub.url, blocks.get('Entries').source, managerKey);
    used.add('Entries');
    await step('Announce', managerKey);
    const company = async (email) =>
      (await call(`mutation($e: String!) { demoLogin(email: $e) { secret } }`, { e: email })).demoLogin.secret;
    const hanbit = await company('admin@hanbit.example');
    const sejong = await company('admin@sejong-civic.example');
    await call(
      `mutation($c: ID!) { askQuestion(challengeId: $c, question: "Is the shelter list open data?") { question { id } } }`,
      { c: ids["<the challenge's id>"] },
      hanbit,
    );
    for (const [key, title] of [
      [hanbit, 'Hanbit shelter finder'],
      [sejong, 'Sejong shelter map'],
    ]) {
      const draft = await call(
        `mutation($i: CreateSubmissionInput!) { createSubmission(input: $i) { submission { id } } }`,
        { i: { challengeId: ids["<the challenge's id>"], title, proposal: 'How we would build it.', teamSize: 3 } },
        key,
      );
      await call(
        `mutation($id: ID!) { submitSubmission(id: $id, acknowledgeTerms: true) { submission { status } } }`,
        { id: draft.createSubmission.submission.id },
        key,
      );
    }
    const questions = (await step('Questions', managerKey, { id: "<the challenge's id>" })).challenge.questions.nodes;
    ids["<the question's id>"] = questions[0]?.id ?? fail('the manager does not see the question');
    await step('Answer', managerKey);
    await entries.until(2);
    entries.close();

    // 6. Review.
    await step('SeatPanel', managerKey);
    if ((await step('Close', managerKey, { id: "<the challenge's id>" })).closeChallenge.challenge.status !== 'CLOSED')
      fail('Close did not close');
    const submissions = (await step('StartEvaluation', managerKey, { id: "<the challenge's id>" }))
      .startChallengeEvaluation.challenge.submissions.nodes;
    if (submissions.length !== 2) fail(`StartEvaluation lists ${submissions.length} submissions, not 2`);
    await step('DeclareNoConflict', reviewerKey);
    const scored = guideVariables('Score');
    for (const [i, submission] of submissions.entries()) {
      ids["<a submission's id>"] = submission.id;
      await step(
        'Score',
        reviewerKey,
        i === 0 ? undefined : { ...scored, scores: scored.scores.map((s) => ({ ...s, score: s.score - 2 })) },
      );
    }
    const progress = (await step('Progress', managerKey, { id: "<the challenge's id>" })).challenge;
    if (progress.reviewProgress[0]?.scored !== 2) fail(`Progress: ${JSON.stringify(progress.reviewProgress)}`);
    ids["<the winning submission's id>"] = progress.results.find((r) => r.rank === 1).submission.id;

    // 7. Award.
    const awarded = (await step('Award', managerKey)).awardChallenge.challenge;
    if (awarded.status !== 'AWARDED' || awarded.winners.length !== 1) fail(`Award: ${JSON.stringify(awarded)}`);

    const skipped = [...blocks.keys()].filter((name) => !used.has(name));
    if (skipped.length)
      fail(`operations of the guide this run does not exercise: ${skipped.join(', ')}; add them to ${import.meta.url}`);
    return blocks.size;
  } finally {
    hub.child.kill('SIGTERM');
  }
}

function fail(message) {
  throw new Error(`getting-started-government.md: ${message}`);
}

async function startDemoHub(root) {
  const dataDir = mkdtempSync(join(tmpdir(), 'maru-docs-'));
  const child = spawn(process.execPath, [join(root, 'packages/hub/dist/main.js'), '--demo'], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', MARU_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      // Never leave a hub behind: one that is still starting may hold on for minutes.
      child.kill('SIGKILL');
      reject(new Error(`the demo hub did not start in 60 s:\n${out}`));
    }, 60_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /"url":"(http:\/\/[^"]+)".*"msg":"Maru hub listening"/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the demo hub exited with ${code}:\n${out}`));
    });
  });
  return { url, child, dataDir };
}

/** A subscription over server-sent events; `until(n)` waits for n results. */
async function subscribe(url, query, key) {
  const controller = new AbortController();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query }),
    signal: controller.signal,
  });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  await reader.read(); // the hub's first ping: it listens from here on
  const results = [];
  void (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const lines = buffer.slice(0, end).split('\n');
          buffer = buffer.slice(end + 2);
          const data = lines.find((line) => line.startsWith('data: '));
          if (lines.includes('event: next') && data) results.push(JSON.parse(data.slice(6)));
        }
      }
    } catch {
      // closed
    }
  })();
  return {
    until: async (count) => {
      for (const deadline = Date.now() + 5_000; results.length < count; await new Promise((r) => setTimeout(r, 25))) {
        if (Date.now() > deadline)
          fail(`the Entries subscription got ${results.length} of ${count} events: ${JSON.stringify(results)}`);
      }
      const bad = results.find((r) => r.errors);
      if (bad) fail(`Entries: ${JSON.stringify(bad.errors)}`);
    },
    close: () => controller.abort(),
  };
}
