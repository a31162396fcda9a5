// Readiness probe for the local S3 gateway (or any S3-compatible storage): with the AWS SDK's S3 client, as the
// services use it, create the bucket when missing, put an object, read it back and compare the bytes, delete it.
// Usage: node infra/local/probe-s3.mjs [endpoint] [bucket]   (default http://127.0.0.1:8333 civic-attachments)
// Env: S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY (default the local server's civic-dev / civic-dev-secret),
//      S3_REGION (us-east-1), PROBE_TIMEOUT_MS (default 60000). Exit 0 = the storage works.
import { randomBytes, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(repoRoot, 'package.json'));

function load(name) {
  try {
    return require(name);
  } catch (err) {
    if (err.code !== 'MODULE_NOT_FOUND') throw err;
    console.error(`probe-s3: cannot load '${name}' from ${repoRoot}/node_modules; run \`npm ci\` in ${repoRoot} first`);
    process.exit(2);
  }
}

// The pinned SDK warns that its future versions will need Node 22; this probe runs on the project's Node 20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const { S3Client, HeadBucketCommand, CreateBucketCommand, PutObjectCommand, GetObjectCommand, DeleteObjectCommand, HeadObjectCommand } =
  load('@aws-sdk/client-s3');

const endpoint = process.argv[2] ?? 'http://127.0.0.1:8333';
const bucket = process.argv[3] ?? 'civic-attachments';
const timeoutMs = Number(process.env.PROBE_TIMEOUT_MS ?? 60000);
const deadline = Date.now() + timeoutMs;
// A request that hangs must not keep the probe past its deadline.
setTimeout(() => {
  console.error(`probe-s3: failed on ${endpoint} within ${timeoutMs} ms: ${lastError?.name ?? ''} ${lastError?.message ?? 'timeout'}`);
  process.exit(1);
}, timeoutMs).unref();

const client = new S3Client({
  endpoint,
  region: process.env.S3_REGION ?? 'us-east-1',
  credentials: {
    accessKeyId: process.env.S3_ACCESS_KEY_ID ?? 'civic-dev',
    secretAccessKey: process.env.S3_SECRET_ACCESS_KEY ?? 'civic-dev-secret',
  },
  // http://host:port/bucket/key: no bucket subdomains on 127.0.0.1.
  forcePathStyle: true,
  maxAttempts: 1,
});

async function ensureBucket() {
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }));
    return;
  } catch (err) {
    if (err?.$metadata?.httpStatusCode !== 404) throw err;
  }
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  } catch (err) {
    // Another `up` may have created it meanwhile.
    if (err?.name !== 'BucketAlreadyOwnedByYou' && err?.name !== 'BucketAlreadyExists') throw err;
  }
}

async function roundTrip() {
  await ensureBucket();
  const key = `probe/${randomUUID()}`;
  const body = Buffer.concat([Buffer.from('Проверка / probe\n'), randomBytes(4096)]);
  await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: 'application/octet-stream' }));
  const got = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  const bytes = Buffer.from(await got.Body.transformToByteArray());
  if (!bytes.equals(body)) throw new Error(`read back ${bytes.length} bytes that differ from the ${body.length} put`);
  await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
  try {
    await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
  } catch (err) {
    if (err?.$metadata?.httpStatusCode === 404) return;
    throw err;
  }
  throw new Error('the object is still there after DeleteObject');
}

let lastError;
while (Date.now() < deadline) {
  try {
    await roundTrip();
    console.error(`probe-s3: bucket ${bucket} + put/get/delete ok on ${endpoint}`);
    process.exit(0);
  } catch (err) {
    lastError = err;
    await new Promise((r) => setTimeout(r, 500));
  }
}
console.error(`probe-s3: failed on ${endpoint} within ${timeoutMs} ms: ${lastError?.name ?? ''} ${lastError?.message ?? 'timeout'}`);
process.exit(1);
