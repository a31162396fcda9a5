import { renderPdf, type PdfDocument } from '@civic/platform';
import type { ChainCheck } from './chain';
import type { HistoryEntry } from './history';
import type { CheckpointsCheck } from '@civic/event-store';
import type { Dossier, SignedHead } from './views';

/** Bulgarian first, then English, as everything citizens and staff read. */
const T = {
  title: 'Досие на преписка / Case dossier',
  case: 'Преписка / Case',
  tenant: 'Община / Municipality',
  caseId: 'Идентификатор / Case id',
  registryNumber: 'Регистрационен номер / Registry number',
  channel: 'Канал / Channel',
  status: 'Състояние / Status',
  chain: 'Верига от хешове / Hash chain',
  chainOk: 'непокътната / intact',
  chainBroken: 'ПРЕКЪСНАТА / BROKEN',
  events: 'Събития / Events',
  head: 'Последно събитие (глава) / Head event',
  headHash: 'Хеш на главата / Head hash',
  brokenAt: 'Първа прекъсната връзка / First broken link',
  expected: 'Очаквано / Expected',
  found: 'Намерено / Found',
  history: 'История / History',
  command: 'Команда / Command',
  actor: 'Извършил / Actor',
  occurredAt: 'Настъпило / Occurred',
  recordedAt: 'Записано / Recorded',
  correlation: 'Корелация / Correlation',
  causation: 'Причина / Causation',
  erased: 'Заличени лични данни / Erased personal data',
  unreadable: 'Нечетими лични данни (променен шифротекст) / Unreadable personal data (altered ciphertext)',
  finalState: 'Крайно състояние / Final state',
  checkpoints: 'Подписани контролни точки / Signed checkpoints',
  checkpointsOk: 'съвпадат / match',
  checkpointsBroken: 'НЕ СЪВПАДАТ / DO NOT MATCH',
  latest: 'Последна контролна точка / Newest checkpoint',
  failed: 'Неуспешна контролна точка / Failed checkpoint',
  signedHead: 'Подписана глава / Signed head',
  refused: 'ОТКАЗАН ПОДПИС / SIGNATURE REFUSED',
  statement: 'Подписано изявление / Signed statement',
  signature: 'Подпис (Ed25519) / Signature (Ed25519)',
  keyId: 'Ключ / Key id',
  generated: 'Изготвено / Generated',
  for: 'За / For',
} as const;

const value = (v: unknown): string => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

function heading(doc: PdfDocument, text: string): void {
  doc.moveDown(0.6).font('bold').fontSize(12).text(text).font('body').fontSize(9).moveDown(0.2);
}

function field(doc: PdfDocument, label: string, v: unknown): void {
  doc.font('bold').text(`${label}: `, { continued: true }).font('body').text(value(v));
}

function chain(doc: PdfDocument, check: ChainCheck): void {
  field(doc, T.chain, check.ok ? T.chainOk : `${T.chainBroken} (${check.reason})`);
  field(doc, T.events, check.count);
  field(doc, T.head, `${check.head.revision} · ${check.head.eventId}`);
  field(doc, T.headHash, check.head.hash);
  if (!check.ok) {
    field(doc, T.brokenAt, `${check.brokenAt.revision} · ${check.brokenAt.eventId}`);
    field(doc, T.expected, check.expected);
    field(doc, T.found, check.found);
    doc.text(check.detail);
  }
}

function checkpoints(doc: PdfDocument, check: CheckpointsCheck): void {
  field(doc, T.checkpoints, check.ok ? `${T.checkpointsOk} (${check.count})` : `${T.checkpointsBroken} (${check.reason})`);
  if (check.ok && check.latest) field(doc, T.latest, `${check.latest.revision} · ${check.latest.signedAt} · ${check.latest.keyId}`);
  if (!check.ok) {
    field(
      doc,
      T.failed,
      `#${check.failed.index} · ${check.failed.revision ?? '—'} · ${check.failed.signedAt ?? '—'} · ${check.failed.keyId ?? '—'}`,
    );
    field(doc, T.expected, check.expected);
    field(doc, T.found, check.found);
    doc.text(check.detail);
  }
}

/** The statement and signature in full, so the printed dossier can be verified too (its JSON is the canonical form). */
function signedHead(doc: PdfDocument, head: SignedHead): void {
  if ('refused' in head) {
    field(doc, T.signedHead, `${T.refused} (${head.refused})`);
    doc.text(head.detail);
    return;
  }
  field(doc, T.keyId, head.keyId);
  field(doc, T.statement, JSON.stringify(head.statement));
  field(doc, T.signature, head.signature);
}

function entry(doc: PdfDocument, e: HistoryEntry): void {
  doc.moveDown(0.4).font('bold').fontSize(10).text(`#${e.revision} ${e.type}`).font('body').fontSize(9);
  field(doc, T.occurredAt, e.occurredAt);
  field(doc, T.recordedAt, e.recordedAt);
  field(doc, T.actor, e.actor ? `${e.actor.id} (${e.actor.role})` : null);
  field(doc, T.command, `${e.command.type ?? '?'} · ${e.command.id ?? '—'}`);
  field(doc, T.correlation, e.correlationId);
  field(doc, T.causation, e.causationId);
  for (const [key, v] of Object.entries(e.data)) doc.text(`${key}: ${value(v)}`, { indent: 12 });
  if (e.erased) field(doc, T.erased, e.erased.join(', '));
  if (e.unreadable) field(doc, T.unreadable, e.unreadable.join(', '));
  field(doc, 'hash', e.hash);
}

/** The dossier as a PDF: the same content as the JSON (erased fields show as erased, never as data). */
export function dossierPdf(d: Dossier): Promise<Buffer> {
  const title = `${T.title} ${d.registryNumber ?? d.caseId}`;
  return renderPdf({ title, subject: d.caseId, createdAt: new Date(d.generatedAt) }, (doc) => {
    doc.font('bold').fontSize(16).text(title).font('body').fontSize(9);
    field(doc, T.generated, d.generatedAt);
    field(doc, T.for, `${d.generatedFor.auditorId} · ${d.generatedFor.correlationId}`);

    heading(doc, T.case);
    field(doc, T.tenant, d.tenant);
    field(doc, T.caseId, d.caseId);
    field(doc, T.registryNumber, d.registryNumber);
    field(doc, T.channel, d.channel);
    field(doc, T.status, d.finalState.status);

    heading(doc, T.chain);
    chain(doc, d.verification);
    checkpoints(doc, d.checkpoints);

    heading(doc, T.signedHead);
    signedHead(doc, d.signedHead);

    heading(doc, T.history);
    d.history.forEach((e) => entry(doc, e));

    heading(doc, T.finalState);
    doc.text(JSON.stringify(d.finalState.state, null, 2));
  });
}
