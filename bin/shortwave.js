#!/usr/bin/env node
// Runs the TypeScript entry directly through tsx's loader: no build step to forget or go stale.
import { register } from 'tsx/esm/api';

register();
await import('../server/src/main.ts');
