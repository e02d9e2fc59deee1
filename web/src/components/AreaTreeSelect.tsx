import { TreeSelect } from 'antd';
import type { CSSProperties } from 'react';
import type { SelectedArea } from '../area/context.ts';
import { useLazyAreaTree } from '../area/useLazyAreaTree.ts';

interface Labeled {
  value: string;
  label: string;
}

export interface AreaTreeSelectProps {
  /** The top of the tree: the user's own area, so nothing outside their scope is offered. */
  root: SelectedArea;
  value?: string;
  /** Label of the value when its node is not loaded (e.g. chosen elsewhere). */
  valueLabel?: string;
  onChange?: (code: string, area: SelectedArea | undefined) => void;
  placeholder?: string;
  style?: CSSProperties;
  testId?: string;
  /** The accessible name when no form label names the select (default: the placeholder). */
  ariaLabel?: string;
  /** Set by a Form.Item: its label points at this id. */
  id?: string;
}

/** A lazily loaded tree of areas under `root`. */
export function AreaTreeSelect(props: AreaTreeSelectProps) {
  const { root, value, valueLabel, onChange, placeholder, style, testId, ariaLabel, id } = props;
  const { treeData, load, findArea } = useLazyAreaTree(root);
  const selected: Labeled | undefined = value
    ? { value, label: valueLabel ?? findArea(value)?.name ?? value }
    : undefined;

  return (
    <TreeSelect<Labeled>
      data-testid={testId}
      {...(id ? { id } : { 'aria-label': ariaLabel ?? placeholder })}
      style={style}
      value={selected}
      labelInValue
      treeData={treeData}
      treeDefaultExpandedKeys={[root.code]}
      loadData={(node) => (typeof node.value === 'string' ? load(node.value) : Promise.resolve())}
      onChange={(next) => {
        if (next) onChange?.(String(next.value), findArea(String(next.value)));
      }}
      placeholder={placeholder}
      showSearch
      treeNodeFilterProp="title"
      virtual={false}
      popupMatchSelectWidth={false}
    />
  );
}
