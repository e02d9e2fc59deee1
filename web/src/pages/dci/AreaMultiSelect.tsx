import { TreeSelect } from 'antd';
import type { SelectedArea } from '../../area/context.ts';
import { useLazyAreaTree } from '../../area/useLazyAreaTree.ts';

/** Several areas under `root` (the user's own area), from a lazily loaded tree; for a Form.Item. */
export function AreaMultiSelect({ root, value, onChange, id }: { root: SelectedArea; value?: string[]; onChange?: (codes: string[]) => void; id?: string }) {
  const { treeData, load } = useLazyAreaTree(root);
  return (
    <TreeSelect<string[]>
      {...(id ? { id } : {})}
      data-testid="dci-areas"
      multiple
      style={{ width: '100%' }}
      value={value ?? []}
      onChange={(next) => onChange?.(next)}
      treeData={treeData}
      treeDefaultExpandedKeys={[root.code]}
      loadData={(node) => (typeof node.value === 'string' ? load(node.value) : Promise.resolve())}
      showSearch
      treeNodeFilterProp="title"
      virtual={false}
      popupMatchSelectWidth={false}
    />
  );
}
