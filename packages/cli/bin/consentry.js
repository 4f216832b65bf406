#!/usr/bin/env node
// The `consentry` command. A file of its own, not dist/cli.js, so that npm links the bin in a
// fresh clone too, before anything is built.
import '../dist/cli.js';
