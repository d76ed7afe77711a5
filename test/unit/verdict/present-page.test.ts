import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../lib/policy/default-settings';
import {
  presentPage,
  type JudgedDocument,
  type PresentationSettings,
} from '../../../lib/verdict/present-page';
import type { Verdict, VerdictResult } from '../../../lib/verdict/types';

const result = (
  verdict: Verdict,
  host = 'site.example',
  extra: Partial<VerdictResult> = {},
): VerdictResult => ({
  verdict,
  host,
  reason: { kind: 'none' },
  ...extra,
});
const doc = (verdict: Verdict, dismissed = false, host?: string): JudgedDocument => ({
  result: result(verdict, host),
  dismissed,
});

const WARN: PresentationSettings = {
  blockMode: DEFAULT_SETTINGS.blockMode,
  allowBypass: DEFAULT_SETTINGS.allowBypass,
  detectUnregistered: DEFAULT_SETTINGS.detectUnregistered,
};
const BLOCK: PresentationSettings = { ...WARN, blockMode: 'block' };
const LOCKED: PresentationSettings = { ...WARN, blockMode: 'block', allowBypass: false };

type Row = [
  name: string,
  frame: 'top' | 'sub',
  own: JudgedDocument,
  settings: PresentationSettings,
  expected: { show: string; why: string; framed?: boolean; detect?: boolean },
];

describe('what a page presents', () => {
  const table: Row[] = [
    ['licensed', 'top', doc('licensed'), WARN, { show: 'nothing', why: 'no-warning', detect: false }],
    ['unknown, sampled', 'top', doc('unknown'), WARN, { show: 'nothing', why: 'no-warning', detect: true }],
    [
      'unknown, detection off',
      'top',
      doc('unknown'),
      { ...WARN, detectUnregistered: false },
      { show: 'nothing', why: 'no-warning', detect: false },
    ],
    [
      'unknown frame, never sampled',
      'sub',
      doc('unknown'),
      WARN,
      { show: 'nothing', why: 'no-warning', detect: false },
    ],
    ['warning', 'top', doc('warning'), WARN, { show: 'banner', why: 'warning-verdict', framed: false }],
    ['lookalike', 'top', doc('lookalike'), BLOCK, { show: 'banner', why: 'warning-verdict', framed: false }],
    [
      'unregistered',
      'top',
      doc('unregistered'),
      WARN,
      { show: 'banner', why: 'warning-verdict', framed: false },
    ],
    [
      'blocked, warn mode',
      'top',
      doc('blocked'),
      WARN,
      { show: 'banner', why: 'warning-verdict', framed: false },
    ],
    [
      'blocked, block mode',
      'top',
      doc('blocked'),
      BLOCK,
      { show: 'block-page', why: 'blocked-in-block-mode', framed: false },
    ],
    [
      'blocked frame, block mode',
      'sub',
      doc('blocked'),
      LOCKED,
      { show: 'block-page', why: 'blocked-in-block-mode', framed: false },
    ],
    ['warned frame', 'sub', doc('warning'), WARN, { show: 'banner', why: 'warning-verdict', framed: false }],
    [
      'warning, dismissed',
      'top',
      doc('warning', true),
      WARN,
      { show: 'nothing', why: 'dismissed', detect: false },
    ],
    [
      'blocked, dismissed, block mode with bypass',
      'top',
      doc('blocked', true),
      BLOCK,
      { show: 'nothing', why: 'dismissed', detect: false },
    ],
    [
      'warning, dismissed, bypass not allowed',
      'top',
      doc('warning', true),
      { ...WARN, allowBypass: false },
      { show: 'banner', why: 'warning-verdict', framed: false },
    ],
    [
      'blocked, dismissed, bypass not allowed',
      'top',
      doc('blocked', true),
      LOCKED,
      { show: 'block-page', why: 'blocked-in-block-mode', framed: false },
    ],
  ];

  it.each(table)('%s (%s frame)', (_name, frame, own, settings, expected) => {
    const presentation = presentPage({ frame, own }, settings);
    expect(presentation).toMatchObject(expected);
    if (presentation.show !== 'nothing') expect(presentation.about).toBe(own.result);
  });

  it('an exempt or policy-allowed page is never sampled', () => {
    const exempt = { result: result('unknown', 'localhost', { exemption: 'localhost' }), dismissed: false };
    const allowed = {
      result: result('unknown', 'corp.example', {
        reason: { kind: 'policy-allowed', target: 'corp.example' },
      }),
      dismissed: false,
    };
    for (const own of [exempt, allowed]) {
      expect(presentPage({ frame: 'top', own }, WARN)).toEqual({
        show: 'nothing',
        why: 'no-warning',
        detect: false,
      });
    }
  });

  it('a top frame shows a framed site with a warning, the blocked one first in block mode, its own verdict before all', () => {
    const warned = doc('warning', false, 'bybit.com');
    const blocked = doc('blocked', false, 'coinbase.com');
    const wrapper = doc('unknown', false, 'wrapper.example');
    expect(presentPage({ frame: 'top', own: wrapper, framed: [warned, blocked] }, WARN)).toEqual({
      show: 'banner',
      why: 'warning-verdict',
      about: warned.result,
      framed: true,
    });
    expect(presentPage({ frame: 'top', own: wrapper, framed: [warned, blocked] }, LOCKED)).toEqual({
      show: 'block-page',
      why: 'blocked-in-block-mode',
      about: blocked.result,
      framed: true,
    });
    const ownWarning = doc('lookalike', false, 'bybiit.kz');
    expect(presentPage({ frame: 'top', own: ownWarning, framed: [blocked] }, LOCKED)).toMatchObject({
      show: 'banner',
      about: ownWarning.result,
      framed: false,
    });
    // A dismissed framed site is shown by nobody; a page with only that frame is sampled like any other.
    expect(
      presentPage({ frame: 'top', own: wrapper, framed: [doc('warning', true, 'bybit.com')] }, WARN),
    ).toEqual({
      show: 'nothing',
      why: 'no-warning',
      detect: true,
    });
    // A frame does not look at frames of its own: the top frame does.
    expect(presentPage({ frame: 'sub', own: wrapper, framed: [warned] }, WARN).show).toBe('nothing');
  });
});
