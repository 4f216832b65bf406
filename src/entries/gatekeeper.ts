// Script-tag entry: the core alone, meant to be the first script in <head>.
// Size budget (checked by `npm test`): 6912 B brotli. DESIGN said 2.5 KB; README "Design" says why.
import { installGlobal } from '../core/global.js';

installGlobal();
