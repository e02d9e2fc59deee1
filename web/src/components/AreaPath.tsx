import { Fragment } from 'react';

/**
 * An area's full path of names as a breadcrumb, 州 › 县 › 乡镇 › 村 (warnings and overdue items say where they
 * belong). Plain text, not a navigation landmark: it stands inside links, tags and table cells, many to a page.
 */
export function AreaPath({ names, testId }: { names: readonly string[]; testId?: string }) {
  return (
    <span data-testid={testId} className="area-path">
      {names.map((name, i) => (
        <Fragment key={`${i}-${name}`}>
          {i > 0 && ' › '}
          {i === names.length - 1 ? <strong>{name}</strong> : name}
        </Fragment>
      ))}
    </span>
  );
}
