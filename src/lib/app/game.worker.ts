/// <reference lib="webworker" />
/** The game summary for a big log (years of study), off the page: see summary-protocol.ts. */
import { serve } from '$lib/workers/call';
import { summaryServer, type SummaryRequest } from './summary-protocol';

serve<SummaryRequest>(self as unknown as DedicatedWorkerGlobalScope, summaryServer());
