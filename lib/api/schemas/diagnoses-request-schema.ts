// Query string of GET /api/v1/diagnoses: the common time range and filters. The environment
// narrows the calls diagnosed; service, endpoint and key pick the findings that concern them.
import type { z } from 'zod';
import { rangeFilterRequestSchema } from './time-range-schema';

export const diagnosesRequestSchema = rangeFilterRequestSchema;

export type DiagnosesRequest = z.infer<typeof diagnosesRequestSchema>;
