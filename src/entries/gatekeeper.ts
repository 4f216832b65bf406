// Script-tag entry: the core alone, meant to be the first script in <head>.
import { installGlobal } from '../core/global.js';

installGlobal();
