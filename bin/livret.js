#!/usr/bin/env node
// Thin launcher: the CLI is compiled and bundled into dist/bundle/ (by `npm ci` through the prepare script).
import '../dist/bundle/main.js';
