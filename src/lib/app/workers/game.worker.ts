/// <reference lib="webworker" />
/** The game summary for a big log (years of study), off the page, from the log in IndexedDB: see summary-protocol.ts. */
import { openProgressDB } from '$lib/store';
import { serve } from '$lib/core/worker-call';
import { summaryServer, type SummaryRequest } from './summary-protocol';

serve<SummaryRequest>(self as unknown as DedicatedWorkerGlobalScope, summaryServer(() => openProgressDB()));
