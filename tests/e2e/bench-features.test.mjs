// `make bench-features` (bench/features.mjs) removes each feature from a copy of the sources by
// editing them at exact lines. This keeps those lines in step with the code, so the byte
// benchmark, which `make test` does not run, still runs after a refactor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { FEATURES, patch } from '../../bench/features.mjs';

test('every feature the byte benchmark removes is still where the benchmark expects it', () => {
  for (const feature of FEATURES) {
    for (const edit of feature.edits) {
      const source = readFileSync(new URL(`../../${edit.file}`, import.meta.url), 'utf8');
      assert.notEqual(patch(source, edit), source, `${feature.name}: ${edit.file} would be built unchanged`);
    }
  }
});

test('an edit whose line has moved or is ambiguous stops the benchmark, naming the file', () => {
  const edit = FEATURES[0].edits[0];
  assert.throws(() => patch('', edit), new RegExp(`must occur once in ${edit.file}`));
  assert.throws(() => patch(edit.before + edit.before, edit), /must occur once/);
});
