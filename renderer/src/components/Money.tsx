import { signedYuan, yuan } from '../format';

/** An amount in yuan from integer fen, in tabular figures so columns line up; `signed` for 发生额. */
export function Money(props: { fen: number; signed?: boolean; strong?: boolean; testId?: string }) {
  const text = props.signed ? signedYuan(props.fen) : yuan(props.fen);
  return (
    <span
      data-testid={props.testId}
      style={{
        fontVariantNumeric: 'tabular-nums',
        whiteSpace: 'nowrap',
        fontWeight: props.strong ? 600 : undefined,
        color: props.signed && props.fen < 0 ? '#cf1322' : undefined,
      }}
    >
      {text}
    </span>
  );
}
