import { runDay } from './day.js';

const { lines } = await runDay();
console.log(lines.join('\n'));
