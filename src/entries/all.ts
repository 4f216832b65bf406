// Script-tag entry `consentry.js`: the gatekeeper and the banner in one file.
import { installGlobal } from '../core/global.js';
import { autoMount, defineElements } from '../ui/define.js';

installGlobal();
defineElements();
autoMount();
