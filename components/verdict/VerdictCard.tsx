/** A verdict with its facts: entity, licence, register page, source, dates. */
import type { ComponentChildren } from 'preact';
import type { VerdictResult } from '@/lib/verdict/types';
import { useI18n } from '../i18n';
import { safeWebUrl, targetUrl } from '../safe-url';
import { describeVerdict, verdictEntry, type VerdictSource } from './describe-verdict';
import { verdictSignals } from './verdict-signals';

/** The public register of AFSA licences, for licensed entries without a page of their own. */
export const AFSA_REGISTER_URL = 'https://publicreg.myafsa.com/';

export interface VerdictCardProps {
  result: VerdictResult;
  /** The registry's sources, to name the entry's source. */
  sources: readonly VerdictSource[];
  /** A source already resolved by the background (takes precedence). */
  source?: VerdictSource | null;
  registryIssuedAt: string | null;
  dismissed?: boolean;
  testId?: string;
  headingLevel?: 2 | 3;
}

export function resolveSource(
  sourceId: string | undefined,
  sources: readonly VerdictSource[],
): VerdictSource | null {
  return sourceId === undefined ? null : (sources.find((s) => s.id === sourceId) ?? null);
}

export function VerdictCard(props: VerdictCardProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const { result } = props;
  const source = props.source ?? resolveSource(verdictEntry(result)?.source, props.sources);
  const description = describeVerdict(result, source, props.registryIssuedAt, i18n);
  const entry = description.entry;
  const registerUrl =
    safeWebUrl(entry?.url) ??
    (entry?.status === 'licensed' ? AFSA_REGISTER_URL : null) ??
    safeWebUrl(source?.url);
  const licensedHref = description.licensedTarget ? targetUrl(description.licensedTarget) : null;
  const Heading = props.headingLevel === 3 ? 'h3' : 'p';

  return (
    <div class="verdict" data-verdict={result.verdict} data-testid={props.testId} {...verdictSignals(result)}>
      <p class="verdict-label">
        <span class={`pill pill-${result.verdict}`}>{t(`verdict_${result.verdict}` as const)}</span>
        {result.host && <span class="host">{result.host}</span>}
      </p>
      <Heading class="headline">{description.headline}</Heading>
      <p>{description.explanation}</p>
      {description.licenceEnding && (
        <p class="note" data-testid="licence-ending">
          {description.licenceEnding}
        </p>
      )}
      {props.dismissed && <p class="note">{t('details_dismissed')}</p>}
      <dl class="facts">
        {entry?.name && result.verdict !== 'lookalike' && (
          <Fact label={t('details_entity')}>{entry.name}</Fact>
        )}
        {entry?.licence && result.verdict === 'licensed' && (
          <Fact label={t('details_licence')}>{entry.licence}</Fact>
        )}
        {result.reason.kind === 'lookalike' && (
          <Fact label={t('details_imitates')}>{result.reason.imitates}</Fact>
        )}
        {result.verdict === 'warning' && licensedHref && description.licensedTarget && (
          <Fact label={t('details_alternative')}>
            <a href={licensedHref} target="_blank" rel="noopener noreferrer">
              {description.licensedTarget}
            </a>
          </Fact>
        )}
        {registerUrl && entry && (
          <Fact label={t('details_register')}>
            <a href={registerUrl} target="_blank" rel="noopener noreferrer">
              {new URL(registerUrl).host}
            </a>
          </Fact>
        )}
        {source && <Fact label={t('details_source')}>{source.title}</Fact>}
        {entry?.since && <Fact label={t('details_since')}>{i18n.format.date(entry.since)}</Fact>}
      </dl>
      {source && props.registryIssuedAt ? (
        <p class="source-line">
          {t('source_registry_only', { date: i18n.format.date(props.registryIssuedAt) })}
        </p>
      ) : (
        description.sourceLine && <p class="source-line">{description.sourceLine}</p>
      )}
    </div>
  );
}

function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
