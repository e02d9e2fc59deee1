import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import type { SelectedArea } from '../area/context.ts';
import { useLazyAreaTree, type AreaTreeNode } from '../area/useLazyAreaTree.ts';

interface VillageNode extends Omit<AreaTreeNode, 'children'> {
  selectable: boolean;
  children?: VillageNode[];
}

function onlyVillages(node: AreaTreeNode): VillageNode {
  const { children, ...rest } = node;
  const out: VillageNode = { ...rest, selectable: node.area.level === 'village' };
  if (children) out.children = children.map(onlyVillages);
  return out;
}

export interface VillageSelectProps {
  /** The top of the tree: the user's own area, so nothing outside their scope is offered. */
  root: SelectedArea;
  value?: string;
  onChange?: (code: string) => void;
  placeholder?: string;
  id?: string;
  testId?: string;
  /** A clear button (onChange then gets an empty value: no village chosen). */
  allowClear?: boolean;
}

/** A form control choosing one village (村/社区) under `root`; higher levels only open the tree. */
export function VillageSelect({ root, value, onChange, placeholder, id, testId, allowClear }: VillageSelectProps) {
  const { treeData, load } = useLazyAreaTree(root);
  const data = useMemo(() => treeData.map(onlyVillages), [treeData]);
  return (
    <TreeSelect<string>
      id={id}
      data-testid={testId}
      value={value}
      treeData={data}
      treeDefaultExpandedKeys={[root.code]}
      loadData={(node) => (typeof node.value === 'string' ? load(node.value) : Promise.resolve())}
      onChange={(next) => onChange?.(next)}
      placeholder={placeholder}
      // Outside a form item (a filter bar) the placeholder is the field's only name.
      aria-label={id ? undefined : placeholder}
      allowClear={allowClear}
      showSearch
      treeNodeFilterProp="title"
      virtual={false}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
    />
  );
}
