// End-to-end check of luma-mcp with a third-party MCP client: the official TypeScript SDK (pinned in package.json).
// Usage: node e2e.mjs <allowed-folder> <server command> [server args...]   (paths absolute: the server runs in the folder)
// It starts the server with --simulator --allow-dir <allowed-folder>, lists the tools (checking their input and output
// schemas), then runs create_generation -> wait_for_generation (with progress) -> download_outputs and checks that a
// real file was saved in the allowed folder; and upload_file -> create_generation with the returned file_id ->
// wait_for_generation -> download_outputs, then list_files, get_file and delete_file. The two generations run at the
// same time, so the script takes about one generation's time. The SDK itself checks every structured result against
// its output schema; every result, errors too, must say it is simulated.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
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

// A 1x1 PNG to upload.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
writeFileSync(join(folder, 'e2e-input.png'), png);

const client = new Client({ name: 'luma-mcp-e2e', version: '1.0.0' });
// Every result of --simulator says so, errors included (their JSON is the text block).
const call = async (name, args, ...rest) => {
  const result = await client.callTool({ name, arguments: args }, ...rest);
  const body = result.isError ? JSON.parse(result.content[0].text) : result.structuredContent;
  check(body.simulated === true && body.notice.includes('--simulator'), `${name} says it is simulated`);
  return result;
};
try {
  await client.connect(transport);
  check(client.getServerVersion()?.name === 'luma-mcp', 'the server introduces itself as luma-mcp');

  // tools/list: every tool with an input schema, an output schema and behaviour hints.
  const { tools } = await client.listTools();
  const byName = Object.fromEntries(tools.map((tool) => [tool.name, tool]));
  const names = ['create_generation', 'get_generation', 'wait_for_generation', 'generate', 'download_outputs', 'upload_file', 'list_files', 'get_file', 'delete_file'];
  check(tools.length === names.length, `tools/list offers ${names.length} tools`);
  for (const name of names) {
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
  check(byName.delete_file.annotations.destructiveHint === true && byName.delete_file.annotations.idempotentHint === true, 'delete_file is destructive and idempotent');
  check(byName.list_files.inputSchema.properties.state.enum.includes('ready') && byName.upload_file.inputSchema.properties.purpose.enum.includes('reference'), 'the file tools list the known enum values');
  check(byName.list_files.inputSchema.properties.limit.maximum === 100, 'list_files says its page limit');

  // create_generation: returns at once with the id, the state and how to wait.
  const created = await call('create_generation', { prompt: 'a lighthouse at dawn', aspect_ratio: '16:9' });
  check(!created.isError, 'create_generation succeeded');
  const id = created.structuredContent.id;
  check(/^[0-9a-f-]{36}$/.test(id), 'create_generation returned an id');
  check(created.structuredContent.state === 'queued' && created.structuredContent.running === true, 'the job is queued');
  check(created.structuredContent.next_step.includes('wait_for_generation'), 'create_generation says how to wait');
  check(created.structuredContent.simulated === true, 'the result says it is simulated');
  check(JSON.stringify(JSON.parse(created.content[0].text)) === JSON.stringify(created.structuredContent), 'the text block is the structured JSON');

  // upload_file, then a second generation that references the uploaded file by its file_id (while the first runs).
  const uploaded = await call('upload_file', { path: 'e2e-input.png', purpose: 'reference' });
  check(!uploaded.isError, 'upload_file succeeded');
  const file = uploaded.structuredContent;
  check(file.state === 'ready' && file.ready === true && file.timed_out === false, 'the uploaded file is ready');
  check(file.mime_type === 'image/png' && file.size_bytes === png.length && file.filename === 'e2e-input.png', 'the file has its media type, size and name');
  check(file.reference?.file_id === file.id && file.next_step.includes(file.id), 'upload_file says how to reference the file');
  const fromFile = await call('create_generation', { prompt: 'in the style of the reference', image_ref: [file.reference] });
  check(!fromFile.isError && fromFile.structuredContent.state === 'queued', 'create_generation took the file_id');
  check(fromFile.structuredContent.uploaded_inputs.length === 0, 'a file_id input needs no upload');
  const fromFileId = fromFile.structuredContent.id;

  // wait_for_generation, with progress notifications on every state change.
  const progress = [];
  const waited = await call(
    'wait_for_generation',
    { generation_id: id, timeout_seconds: 50 },
    undefined,
    { onprogress: (p) => progress.push(p), resetTimeoutOnProgress: true, timeout: 60_000 },
  );
  check(!waited.isError && waited.structuredContent.state === 'completed', 'the generation completed');
  check(waited.structuredContent.timed_out === false, 'the wait did not time out');
  check(progress.length >= 1, 'progress notifications arrived');
  check(progress.every((p, i) => i === 0 || p.progress > progress[i - 1].progress), 'progress increases');
  check(progress.at(-1).message.includes('completed'), 'the last progress names the completed state');

  // download_outputs: a real file in the allowed folder, linked as a resource and shown as an image.
  const downloaded = await call('download_outputs', { generation_id: id, directory: 'e2e-out' });
  check(!downloaded.isError, 'download_outputs succeeded');
  const saved = downloaded.structuredContent.files[0];
  check(saved.path.startsWith(folder + sep), 'the file is inside the allowed folder');
  check(existsSync(saved.path), 'the file exists');
  const bytes = readFileSync(saved.path);
  check(bytes.length === saved.size_bytes && bytes.subarray(1, 4).toString() === 'PNG', 'the file is the PNG it claims to be');
  const link = downloaded.content.find((c) => c.type === 'resource_link');
  check(link && fileURLToPath(link.uri) === saved.path, 'the file is linked as a resource');
  check(downloaded.content.some((c) => c.type === 'image' && c.mimeType === 'image/png'), 'the image is returned as image content');

  // The generation made from the uploaded file: by now it has (nearly) finished too.
  const waitedFromFile = await call('wait_for_generation', { generation_id: fromFileId, timeout_seconds: 50 }, undefined, { timeout: 60_000 });
  check(!waitedFromFile.isError && waitedFromFile.structuredContent.state === 'completed', 'the generation from the file_id completed');
  const downloadedFromFile = await call('download_outputs', { generation_id: fromFileId, directory: 'e2e-out' });
  const savedFromFile = downloadedFromFile.structuredContent.files[0];
  check(!downloadedFromFile.isError && existsSync(savedFromFile.path) && savedFromFile.path.startsWith(folder + sep), 'its output was saved in the allowed folder');

  // The file tools: list (one page), read, delete (twice: idempotent), and the deleted file reads as deleted.
  const listed = await call('list_files', { state: 'ready', limit: 10 });
  check(!listed.isError && listed.structuredContent.files.some((f) => f.id === file.id), 'list_files lists the uploaded file');
  check(listed.structuredContent.has_more === false && listed.structuredContent.next_cursor === null, 'one page holds every file');
  const read = await call('get_file', { file_id: file.id });
  check(!read.isError && read.structuredContent.state === 'ready', 'get_file reads the file');
  const deleted = await call('delete_file', { file_id: file.id });
  check(!deleted.isError && deleted.structuredContent.deleted === true && deleted.structuredContent.already_deleted === false, 'delete_file deleted it');
  const deletedAgain = await call('delete_file', { file_id: file.id });
  check(!deletedAgain.isError && deletedAgain.structuredContent.already_deleted === true, 'deleting it again succeeds');
  const gone = await call('get_file', { file_id: file.id });
  check(gone.structuredContent.state === 'deleted' && gone.structuredContent.reference === null, 'a deleted file reads as deleted and has no reference');

  // Failures are results with isError and an actionable JSON body, not protocol errors.
  const missing = await call('get_generation', { generation_id: '00000000-0000-4000-8000-000000000000' });
  const missingError = JSON.parse(missing.content[0].text).error;
  check(missing.isError === true && missingError.kind === 'not_found' && missingError.status === 404, 'an unknown id is a not_found error');
  check(missingError.request_id && missingError.what_to_do, 'the error has a request id and what to do');
  const refused = await call('create_generation', { prompt: 'x', type: 'image_edit', source: { path: '/etc/passwd' } });
  const refusedError = JSON.parse(refused.content[0].text).error;
  check(refused.isError === true && refusedError.validation_errors[0].path === 'source.path', 'a path outside the allowed folders is refused');
  const refusedUpload = await call('upload_file', { path: '../outside.png' });
  const refusedUploadError = JSON.parse(refusedUpload.content[0].text).error;
  check(refusedUpload.isError === true && refusedUploadError.validation_errors[0].path === 'path', 'upload_file refuses a path outside the allowed folders');
  const missingFile = await call('get_file', { file_id: '00000000-0000-4000-8000-000000000000' });
  const missingFileError = JSON.parse(missingFile.content[0].text).error;
  check(missingFile.isError === true && missingFileError.kind === 'not_found' && missingFileError.what_to_do.includes('file_id'), 'an unknown file id is a not_found error');

  console.log(`mcp-e2e: ok, ${checks} checks in ${((Date.now() - started) / 1000).toFixed(1)} s; saved ${join('e2e-out', saved.path.split(sep).at(-1))} and ${join('e2e-out', savedFromFile.path.split(sep).at(-1))}`);
} catch (error) {
  console.error('mcp-e2e: FAILED:', error?.message ?? error);
  if (serverLog) {
    console.error('--- luma-mcp stderr ---\n' + serverLog);
  }
  process.exitCode = 1;
} finally {
  await client.close();
}
