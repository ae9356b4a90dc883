// Draws images/icon.png (128x128): a wiki page whose links grow into a small graph — documents in,
// an interlinked wiki out. Plain Node (zlib for the PNG), 4x4 supersampling for smooth edges.
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SS = 4;
const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
const TEAL = hex('#0f4c5c'), PAPER = hex('#fdfcf7'), INK = hex('#9fb7bd'), AMBER = hex('#f4a261');

// Shapes in a 512-unit square, painted in order; each is [inside(x, y), colour].
const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
    const cx = Math.min(Math.max(x, x0 + r), x1 - r), cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const line = (x0, y0, x1, y1, w) => (x, y) => {
    const dx = x1 - x0, dy = y1 - y0;
    const t = Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy)));
    return (x - x0 - t * dx) ** 2 + (y - y0 - t * dy) ** 2 <= (w / 2) ** 2;
};
const shapes = [
    [roundRect(8, 8, 504, 504, 96), TEAL],
    [roundRect(84, 80, 300, 432, 22), PAPER],
    ...[[160, 262], [212, 262], [264, 226], [316, 250], [368, 210]].map(([y, x1]) => [line(128, y, x1, y, 20), INK]),
    [line(300, 250, 396, 146, 16), AMBER],
    [line(300, 250, 404, 360, 16), AMBER],
    [line(396, 146, 404, 360, 16), AMBER],
    [circle(300, 250, 36), AMBER],
    [circle(396, 146, 30), AMBER],
    [circle(404, 360, 30), AMBER],
];

const rows = [];
for (let py = 0; py < SIZE; py++) {
    const row = Buffer.alloc(1 + SIZE * 4);
    for (let px = 0; px < SIZE; px++) {
        let r = 0, g = 0, b = 0, a = 0;
        for (let sy = 0; sy < SS; sy++) {
            for (let sx = 0; sx < SS; sx++) {
                const x = ((px + (sx + 0.5) / SS) * 512) / SIZE, y = ((py + (sy + 0.5) / SS) * 512) / SIZE;
                const hit = shapes.findLast(([inside]) => inside(x, y));
                if (hit) {
                    r += hit[1][0]; g += hit[1][1]; b += hit[1][2]; a += 255;
                }
            }
        }
        const n = SS * SS, covered = a / 255;
        const px4 = 1 + px * 4;
        if (covered > 0) {
            row[px4] = Math.round(r / covered); row[px4 + 1] = Math.round(g / covered); row[px4 + 2] = Math.round(b / covered);
        }
        row[px4 + 3] = Math.round(a / n);
    }
    rows.push(row);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
});
const crc = (buf) => {
    let c = 0xffffffff;
    for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4); sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0); header.writeUInt32BE(SIZE, 4);
header[8] = 8; header[9] = 6; // 8-bit RGBA
const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
]);
const out = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'images', 'icon.png');
writeFileSync(out, png);
console.log(`draw-icon: ${out} (${png.length} bytes)`);
