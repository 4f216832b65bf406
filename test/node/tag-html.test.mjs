// `consentry tag` reads HTML as the browser does (HTML5 tokenizer and tree builder) and writes
// it back in its own encoding, byte for byte outside the attributes it tags.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';

const CLI = new URL('../../packages/cli/dist/cli.js', import.meta.url).pathname;
const config = {
  services: ['google-analytics'],
  rules: [
    { category: 'analytics', hosts: ['cdn.mxpnl.com'] },
    { category: 'advertising', hosts: ['*.facebook.com'] },
  ],
};

/** Write `bytes` as a page beside the config and run `consentry tag` on it; returns the run and the file's bytes after. */
const tag = (bytes, ...args) => {
  const dir = mkdtempSync(join(tmpdir(), 'consentry-tag-html-'));
  const page = join(dir, 'page.html');
  writeFileSync(page, bytes);
  writeFileSync(join(dir, 'consentry.config.json'), JSON.stringify(config));
  const run = spawnSync(process.execPath, [CLI, 'tag', page, '--config', join(dir, 'consentry.config.json'), ...args], {
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stderr);
  return { ...run, after: readFileSync(page) };
};

test('tags after <!--> and --!> comments, behind &colon;/&sol; entities, in <svg><style> and of type text/javascript1.5 are tagged; text in script, style, textarea and comments is not', () => {
  const page = `<!doctype html><html><head><meta charset="utf-8">
<!--><script src="https://cdn.mxpnl.com/after-empty-comment.js"></script>
<!-- closed oddly --!><img src="https://www.facebook.com/after-bang.gif" alt="">
<script src="https&colon;&sol;&sol;cdn.mxpnl.com&sol;entities.js"></script>
<svg><style><img src="https://www.facebook.com/svg-style.gif"></style></svg>
<script type="text/javascript1.5" src="https://cdn.mxpnl.com/js15.js"></script>
<script><!-- document.write("<script src='https://cdn.mxpnl.com/dw.js'></script><img src='https://www.facebook.com/in-script.gif'>"); --></script>
<style>/* <img src="https://www.facebook.com/in-style.gif"> */</style>
<textarea><img src="https://www.facebook.com/in-textarea.gif"></textarea>
<!-- <img src="https://www.facebook.com/in-comment.gif"> -->
<script type="text/template" src="https://cdn.mxpnl.com/not-run.js"></script>
</head></html>
`;
  const expected = page
    .replace(
      '<script src="https://cdn.mxpnl.com/after',
      '<script type="text/plain" data-consent="analytics" src="https://cdn.mxpnl.com/after',
    )
    .replace(
      '<img src="https://www.facebook.com/after-bang.gif"',
      '<img data-consent="advertising" data-src="https://www.facebook.com/after-bang.gif"',
    )
    .replace('<script src="https&colon;', '<script type="text/plain" data-consent="analytics" src="https&colon;')
    .replace(
      '<img src="https://www.facebook.com/svg-style.gif">',
      '<img data-consent="advertising" data-src="https://www.facebook.com/svg-style.gif">',
    )
    .replace('type="text/javascript1.5"', 'type="text/plain" data-consent="analytics"');
  const { after } = tag(Buffer.from(page), '--write');
  assert.equal(after.toString('utf8'), expected);
});

test('a GBK page stays GBK: only the tagged attributes change, every other byte is as it was', () => {
  const text = (script) =>
    `<!doctype html>\n<html lang="zh-CN"><head><meta charset="gbk"><title>巧匠五金</title>\n${script}\n</head><body><p>你好，世界。欢迎光临！</p></body></html>\n`;
  const before = iconv.encode(text('<script src="https://cdn.mxpnl.com/lib.js"></script>'), 'gbk');
  const dry = tag(before);
  assert.deepEqual(dry.after, before, 'a dry run writes nothing');
  assert.match(dry.stdout, /^\+<script type="text\/plain" data-consent="analytics" src=/m);
  const { after } = tag(before, '--write');
  assert.deepEqual(
    after,
    iconv.encode(
      text('<script type="text/plain" data-consent="analytics" src="https://cdn.mxpnl.com/lib.js"></script>'),
      'gbk',
    ),
  );
  assert.equal(iconv.decode(after, 'gbk').includes('你好，世界。欢迎光临！'), true);
});

test('a Latin-1 page (http-equiv, or no declaration at all) stays windows-1252, and a UTF-8 BOM stays', () => {
  const text = (img) =>
    `<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><title>Café Müller – Öffnungszeiten</title></head>\n<body>${img}<p>Grüße, señor — «voilà»</p></body></html>\n`;
  const before = iconv.encode(
    text('<img src="https://www.facebook.com/tr?id=1&amp;ev=PageView" alt="">'),
    'windows-1252',
  );
  const { after } = tag(before, '--write');
  assert.deepEqual(
    after,
    iconv.encode(
      text('<img data-consent="advertising" data-src="https://www.facebook.com/tr?id=1&amp;ev=PageView" alt="">'),
      'windows-1252',
    ),
  );
  // Undeclared and not valid UTF-8: read as windows-1252, as a browser would, and written back so.
  const bare = (img) => `<p>Crème brûlée ${img} à la carte</p>\n`;
  const undeclared = tag(iconv.encode(bare('<img src="https://www.facebook.com/p.gif">'), 'windows-1252'), '--write');
  assert.deepEqual(
    undeclared.after,
    iconv.encode(bare('<img data-consent="advertising" data-src="https://www.facebook.com/p.gif">'), 'windows-1252'),
  );
  const bom = tag(
    Buffer.from('\ufeff<p>Zürich 😀 你好</p><script src="https://cdn.mxpnl.com/lib.js"></script>'),
    '--write',
  );
  assert.deepEqual(
    bom.after,
    Buffer.from(
      '\ufeff<p>Zürich 😀 你好</p><script type="text/plain" data-consent="analytics" src="https://cdn.mxpnl.com/lib.js"></script>',
    ),
  );
});
