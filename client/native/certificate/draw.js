/**
 * The certificate poster, drawn on any 2D canvas context: WeChat's type="2d" canvas in the native
 * component, an HTML canvas in the browser build. Pure (no wx, no DOM) so both platforms share it
 * and tests can run it on a recording context. Plain ES5 in CommonJS: the native component
 * requires it as is.
 */

var HEADING = '巾帼法治通 · 学法答题证书';
var MOTTO = '学法懂法 用法护法';
var DEFAULT_ISSUER = '潼南区妇女联合会';
var DEFAULT_NAME = '学员';

var INK = '#222222';
var ROSE = '#a31545';
var ROSE_DARK = '#7f1035';
var PAPER = '#fffaf5';
var GOLD = '#c9a063';

/** A name that does not identify her on a shared image: first character and stars; none → 学员. */
function maskName(name) {
  var clean = String(name || '')
    .replace(/（.*?）|\(.*?\)/g, '')
    .replace(/^\s+|\s+$/g, '');
  if (clean.length === 0) return DEFAULT_NAME;
  var stars = Math.max(1, Math.min(2, clean.length - 1));
  return clean.charAt(0) + (stars === 1 ? '*' : '**');
}

/** `2026-11-29` → `2026年11月29日`; anything else is shown as given. */
function chinaDateText(date) {
  var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(date || ''));
  if (!m) return String(date || '');
  return m[1] + '年' + Number(m[2]) + '月' + Number(m[3]) + '日';
}

/** The words of the certificate, for the poster and for screen readers alike. */
function certificateText(data) {
  var d = data || {};
  var score = Number(d.score) || 0;
  var passMark = Number(d.passMark) || 0;
  var text = {
    heading: HEADING,
    name: maskName(d.name),
    title: String(d.title || ''),
    praise: '成绩合格，特发此证。',
    score: '得分 ' + score + ' 分',
    passMark: '及格线 ' + passMark + ' 分',
    motto: MOTTO,
    issuer: String(d.issuer || '') || DEFAULT_ISSUER,
    date: chinaDateText(d.date),
  };
  text.summary = text.heading + '：' + text.name + '在「' + text.title + '」中' + text.score + '，' + text.passMark + '，' + text.praise + text.issuer + '，' + text.date + '。';
  return text;
}

/** Breaks text into lines no wider than maxWidth (character by character: Chinese has no spaces). */
function wrapText(ctx, text, maxWidth) {
  var lines = [];
  var line = '';
  for (var i = 0; i < text.length; i++) {
    var next = line + text.charAt(i);
    if (line.length > 0 && ctx.measureText(next).width > maxWidth) {
      lines.push(line);
      line = text.charAt(i);
    } else {
      line = next;
    }
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

function font(px, bold) {
  return (bold ? 'bold ' : '') + Math.round(px) + 'px sans-serif';
}

/**
 * Draws the certificate on ctx in a size.width × size.height box (logical pixels; the caller
 * scales for the device pixel ratio). Lays out for a 5:7 portrait box; returns the text drawn.
 */
function drawCertificate(ctx, data, size) {
  var w = size.width;
  var h = size.height;
  var u = w / 300; // one unit of the 300-wide design
  var cx = w / 2;
  var text = certificateText(data);

  ctx.clearRect(0, 0, w, h);
  ctx.fillStyle = PAPER;
  ctx.fillRect(0, 0, w, h);

  // A double frame: rose outside, gold inside.
  ctx.strokeStyle = ROSE;
  ctx.lineWidth = 4 * u;
  ctx.strokeRect(8 * u, 8 * u, w - 16 * u, h - 16 * u);
  ctx.strokeStyle = GOLD;
  ctx.lineWidth = 1 * u;
  ctx.strokeRect(15 * u, 15 * u, w - 30 * u, h - 30 * u);

  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';

  ctx.fillStyle = ROSE;
  ctx.font = font(17 * u, true);
  ctx.fillText(text.heading, cx, 52 * u);

  ctx.fillStyle = GOLD;
  ctx.fillRect(cx - 40 * u, 70 * u, 80 * u, 1.5 * u);

  ctx.fillStyle = INK;
  ctx.font = font(19 * u, true);
  ctx.fillText(text.name, cx, 104 * u);

  ctx.font = font(13 * u, false);
  var titleLines = wrapText(ctx, '在「' + text.title + '」中', w - 70 * u).slice(0, 3);
  var y = 136 * u;
  for (var i = 0; i < titleLines.length; i++) {
    ctx.fillText(titleLines[i], cx, y);
    y += 20 * u;
  }
  ctx.fillText(text.praise, cx, y);

  ctx.fillStyle = ROSE_DARK;
  ctx.font = font(26 * u, true);
  ctx.fillText(text.score, cx, y + 46 * u);

  ctx.fillStyle = INK;
  ctx.font = font(12 * u, false);
  ctx.fillText(text.passMark, cx, y + 76 * u);

  ctx.fillStyle = ROSE;
  ctx.font = font(15 * u, true);
  ctx.fillText(text.motto, cx, h - 112 * u);

  ctx.fillStyle = INK;
  ctx.font = font(13 * u, false);
  ctx.fillText(text.issuer, cx, h - 66 * u);
  ctx.fillText(text.date, cx, h - 44 * u);

  return text;
}

module.exports = {
  HEADING: HEADING,
  MOTTO: MOTTO,
  DEFAULT_ISSUER: DEFAULT_ISSUER,
  maskName: maskName,
  chinaDateText: chinaDateText,
  certificateText: certificateText,
  drawCertificate: drawCertificate,
};
