/**
 * Leeches on home: each with its topic and the place that shows it moving — the transition, arrow
 * or state on the diagram, or the scenario in the simulator — so the learner can see it instead of
 * failing it a ninth time. Works on the bank's index (family ids), no words needed.
 */
import { isEvent, SCENARIO_IDS, seeItMove, upgradeEvent, type SeeItLink } from '../../core/fsm';
import type { QuestionRef } from '../game/facts';
import { parseFamily } from '../../core/ids';
import { statesOfFamily } from '../quiz/scope';
import { leeches } from '../../core/srs/leech';
import type { Schedule } from '../../core/srs/schedule';
import type { Catalog } from './catalog';

export interface LeechEntry {
	itemId: string;
	topic: string;
	lapses: number;
	suspended: boolean;
	/** The diagram or simulator view that explains it. */
	explain: SeeItLink | '/fsm' | '/simulate';
}

/** Topics whose items are about a whole exchange: the simulator plays it (others: the diagram). */
const TOPIC_SCENARIO: Record<string, (typeof SCENARIO_IDS)[number]> = {
	handshake: 'three_way_handshake',
	teardown: 'client_closes_first',
	closing: 'simultaneous_close',
	'lost-segments': 'lost_fin',
	retransmission: 'lost_syn_ack'
};

/** Where to see an item's family move: its transition (`t:FROM:EVENT[:cond]`), pair or state; an ordering's scenario; else its topic's. */
export function explainLink(family: string, topic: string): LeechEntry['explain'] {
	const parsed = parseFamily(family);
	if (parsed?.kind === 'transition') {
		const { from, event, cond } = parsed;
		const upgraded = upgradeEvent(from, event);
		const [state] = statesOfFamily(family);
		if (state && isEvent(upgraded)) return seeItMove({ family, fsm: { from: state, event: upgraded, ...(cond ? { cond } : {}) } }) ?? '/fsm';
	}
	const scenario = parsed?.kind === 'order' ? parsed.scenario : undefined;
	const link = seeItMove({ family, ...(scenario ? { subject: { scenario } } : {}) });
	if (link && (!scenario || (SCENARIO_IDS as readonly string[]).includes(scenario))) return link;
	const [state] = statesOfFamily(family);
	if (state) return `/fsm?state=${state}`;
	const played = TOPIC_SCENARIO[topic];
	return played ? `/simulate?scenario=${played}` : '/fsm';
}

/**
 * Home lists the most forgotten few: a learner with years of log can have hundreds (the bench's five
 * years have 216), which made home a wall of rows. The card browser's leech filter has them all.
 */
export const LEECHES_ON_HOME = 5;

/** Every leech at this threshold, most forgotten first, among the items the bank still has. */
export function leechList(catalog: Catalog<QuestionRef>, schedule: Schedule, threshold: number): LeechEntry[] {
	return leeches(schedule, threshold).flatMap((s) => {
		const topic = catalog.topicOfFamily.get(s.itemId);
		if (!topic) return [];
		return [{ itemId: s.itemId, topic, lapses: s.card.lapses, suspended: s.suspended === true, explain: explainLink(s.itemId, topic) }];
	});
}

