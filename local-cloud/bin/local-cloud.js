#!/usr/bin/env node
// The local cloud's command line: runs src/main.ts through tsx (no build step).
'use strict';
require('tsx/cjs');
require('../src/main.ts').runCli();
