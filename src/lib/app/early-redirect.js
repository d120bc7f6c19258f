// Plain JavaScript: svelte.config.js (Node, no TypeScript) hashes these very strings for the CSP.

/** Where the reader's choice of language is remembered (the header's link and the settings page write it). */
export const LANG_KEY = 'tcp-quest:lang';

/**
 * Runs in <head>, before the body is parsed: a reader who chose English (or, on a first visit, whose
 * browser does not ask for Chinese) and opens a Chinese address goes to the English one at once.
 * window.stop() first: the Chinese body is never parsed, so never painted (Chromium already drops a
 * document that navigates while parsing; other engines may keep parsing and paint it). Hashed into the
 * CSP's script-src by svelte.config.js; inserted by src/hooks.server.ts. Kept a string literal so
 * bundling cannot change a byte of it. Storage may throw (blocked cookies): then nothing happens.
 */
export const EARLY_REDIRECT =
	"(function(){try{var p=location.pathname;if(p==='/en'||p.indexOf('/en/')===0)return;" +
	"var s=localStorage.getItem('" + LANG_KEY + "');" +
	"if(s==='en'||(s===null&&!/^zh\\b/i.test(navigator.language||''))){" +
	"stop();location.replace('/en'+(p==='/'?'':p)+location.search+location.hash)}}catch(e){}})()";

/** Set while this browser holds answers (the app layer keeps it current, see learner.ts). */
export const LEARNER_KEY = 'tcp-quest:learner';

/** Pages that never show progress (a reading page), by route (the address without `/en`): the layout loads no app layer for them. */
export const READING_ROUTE = /^\/(topics\/[^/]+|fsm|capture)\/?$/;

/** The app's IndexedDB database (the same name as DB_NAME in src/lib/store/db.ts; a unit test keeps them one). */
export const EARLY_DB_NAME = 'tcp-quest';

/**
 * Runs in <head> too: marks a learner's page (`<html data-learner>`) before first paint, so what is
 * prerendered for a newcomer (home's welcome, /stats' empty state) stays hidden until the page
 * knows, instead of showing a learner a welcome every morning.
 * On a learner's page that shows progress it also opens the database and closes it at once: the
 * browser's storage opens the files behind it (~45 ms of a cold start here) while the page parses
 * and paints, not after its code has asked. A database that is not there is not made (the upgrade
 * that would create it is aborted).
 */
export const EARLY_LEARNER =
	"try{if(localStorage.getItem('" + LEARNER_KEY + "')!==null){document.documentElement.dataset.learner='';" +
	"if(!" + READING_ROUTE + ".test(location.pathname.replace(/^\\/en(?=\\/|$)/,'')||'/')){" +
	"var o=indexedDB.open('" + EARLY_DB_NAME + "');o.onupgradeneeded=function(){o.transaction.abort()};" +
	"o.onsuccess=function(){o.result.close()}}}}catch(e){}";

/** Both, as one inline script (inserted by src/hooks.server.ts, hashed by svelte.config.js). */
export const EARLY_SCRIPT = EARLY_REDIRECT + ';' + EARLY_LEARNER;
