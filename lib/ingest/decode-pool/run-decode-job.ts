// Owns the CPU-bound half of ingest: decompress, decode and classify one export body. Runs in a
// decode worker, or on the request thread when the pool is off or its bundle is missing.
import { decodeExport } from '@/lib/otlp/decode-export';
import { decompressBody } from '@/lib/otlp/decompress-body';
import { type ClassifiedExport, classifyExport } from '../classify-export';
import type { DecodeJob } from './decode-job';

export async function runDecodeJob(job: DecodeJob): Promise<ClassifiedExport> {
  const body = await decompressBody(job.body, job.contentEncoding, job.maxBytes);
  return classifyExport(decodeExport(job.format, body), job.extraAttributeNames);
}
