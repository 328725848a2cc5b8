// End-to-end check of luma-mcp with a third-party MCP client: the official TypeScript SDK (pinned in package.json).
// Usage: node e2e.mjs <allowed-folder> <server command> [server args...]   (paths absolute: the server runs in the folder)
// It starts the server with --simulator --allow-dir <allowed-folder>, lists the tools (checking their input and output
// schemas), then runs create_generation -> wait_for_generation (with progress) -> download_outputs and checks that a
// real file was saved in the allowed folder. The SDK itself checks every structured result against its output schema.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const [folderArg, command, ...commandArgs] = process.argv.slice(2);
if (!folderArg || !command) {
  console.error('usage: node e2e.mjs <allowed-folder> <server command> [server args...]');
  process.exit(2);
}

const started = Date.now();
const folder = realpathSync(folderArg);
let checks = 0;
const check = (condition, message) => {
  assert.ok(condition, message);
  checks++;
};

const env = { ...process.env };
delete env.LUMA_AGENTS_API_KEY;
delete env.LUMA_BASE_URL;
const transport = new StdioClientTransport({
  command,
  args: [...commandArgs, '--simulator', '--simulator-seconds', '2', '--allow-dir', folder],
  cwd: folder,
  env,
  stderr: 'pipe',
});
let serverLog = '';
transport.stderr?.on('data', (chunk) => (serverLog += chunk));

const client = new Client({ name: 'luma-mcp-e2e', version: '1.0.0' });
try {
  await client.connect(transport);
  check(client.getServerVersion()?.name === 'luma-mcp', 'the server introduces itself as luma-mcp');

  // tools/list: every tool with an input schema, an output schema and behaviour hints.
  const { tools } = await client.listTools();
  const byName = Object.fromEntries(tools.map((tool) => [tool.name, tool]));
  for (const name of ['create_generation', 'get_generation', 'wait_for_generation', 'generate', 'download_outputs']) {
    const tool = byName[name];
    check(tool, `tools/list offers ${name}`);
    check(tool.inputSchema?.type === 'object' && tool.inputSchema.properties, `${name} has an object input schema`);
    check(tool.outputSchema?.type === 'object' && tool.outputSchema.properties?.simulated, `${name} has an output schema`);
    check(typeof tool.annotations?.readOnlyHint === 'boolean' && tool.annotations.openWorldHint === true, `${name} has annotations`);
    check(tool.description.length > 200, `${name} has a precise description`);
  }
  const createInput = byName.create_generation.inputSchema.properties;
  check(createInput.type.enum.includes('video_reframe') && createInput.model.enum.includes('ray-3.2'), 'create_generation lists the known enum values');
  check(byName.create_generation.description.includes('BILLED'), 'create_generation says it is billed');
  check(byName.get_generation.annotations.readOnlyHint === true && byName.create_generation.annotations.readOnlyHint === false, 'read-only hints');

  // create_generation: returns at once with the id, the state and how to wait.
  const created = await client.callTool({ name: 'create_generation', arguments: { prompt: 'a lighthouse at dawn', aspect_ratio: '16:9' } });
  check(!created.isError, 'create_generation succeeded');
  const id = created.structuredContent.id;
  check(/^[0-9a-f-]{36}$/.test(id), 'create_generation returned an id');
  check(created.structuredContent.state === 'queued' && created.structuredContent.running === true, 'the job is queued');
  check(created.structuredContent.next_step.includes('wait_for_generation'), 'create_generation says how to wait');
  check(created.structuredContent.simulated === true, 'the result says it is simulated');
  check(JSON.stringify(JSON.parse(created.content[0].text)) === JSON.stringify(created.structuredContent), 'the text block is the structured JSON');

  // wait_for_generation, with progress notifications on every state change.
  const progress = [];
  const waited = await client.callTool(
    { name: 'wait_for_generation', arguments: { generation_id: id, timeout_seconds: 50 } },
    undefined,
    { onprogress: (p) => progress.push(p), resetTimeoutOnProgress: true, timeout: 60_000 },
  );
  check(!waited.isError && waited.structuredContent.state === 'completed', 'the generation completed');
  check(waited.structuredContent.timed_out === false, 'the wait did not time out');
  check(progress.length >= 1, 'progress notifications arrived');
  check(progress.every((p, i) => i === 0 || p.progress > progress[i - 1].progress), 'progress increases');
  check(progress.at(-1).message.includes('completed'), 'the last progress names the completed state');

  // download_outputs: a real file in the allowed folder, linked as a resource and shown as an image.
  const downloaded = await client.callTool({ name: 'download_outputs', arguments: { generation_id: id, directory: 'e2e-out' } });
  check(!downloaded.isError, 'download_outputs succeeded');
  const file = downloaded.structuredContent.files[0];
  check(file.path.startsWith(folder + sep), 'the file is inside the allowed folder');
  check(existsSync(file.path), 'the file exists');
  const bytes = readFileSync(file.path);
  check(bytes.length === file.size_bytes && bytes.subarray(1, 4).toString() === 'PNG', 'the file is the PNG it claims to be');
  const link = downloaded.content.find((c) => c.type === 'resource_link');
  check(link && fileURLToPath(link.uri) === file.path, 'the file is linked as a resource');
  check(downloaded.content.some((c) => c.type === 'image' && c.mimeType === 'image/png'), 'the image is returned as image content');

  // Failures are results with isError and an actionable JSON body, not protocol errors.
  const missing = await client.callTool({ name: 'get_generation', arguments: { generation_id: '00000000-0000-4000-8000-000000000000' } });
  const missingError = JSON.parse(missing.content[0].text).error;
  check(missing.isError === true && missingError.kind === 'not_found' && missingError.status === 404, 'an unknown id is a not_found error');
  check(missingError.request_id && missingError.what_to_do, 'the error has a request id and what to do');
  const refused = await client.callTool({ name: 'create_generation', arguments: { prompt: 'x', type: 'image_edit', source: { path: '/etc/passwd' } } });
  const refusedError = JSON.parse(refused.content[0].text).error;
  check(refused.isError === true && refusedError.validation_errors[0].path === 'source.path', 'a path outside the allowed folders is refused');

  console.log(`mcp-e2e: ok, ${checks} checks in ${((Date.now() - started) / 1000).toFixed(1)} s; saved ${join('e2e-out', file.path.split(sep).at(-1))}`);
} catch (error) {
  console.error('mcp-e2e: FAILED:', error?.message ?? error);
  if (serverLog) {
    console.error('--- luma-mcp stderr ---\n' + serverLog);
  }
  process.exitCode = 1;
} finally {
  await client.close();
}
