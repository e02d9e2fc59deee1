import { Card, Tree, Typography } from 'antd';
import type { SelectedArea } from '../../area/context.ts';
import { useLazyAreaTree, type AreaTreeNode } from '../../area/useLazyAreaTree.ts';
import { useT } from '../../i18n/context.ts';

interface AreaTreeProps {
  root: SelectedArea;
  onSelect: (area: SelectedArea) => void;
}

/** The areas under `root`, expanded on demand; each node shows how many children it has. */
export function AreaTree({ root, onSelect }: AreaTreeProps) {
  const t = useT();
  const { treeData, load } = useLazyAreaTree(root);

  return (
    <Card title={t('areas.tree')} data-testid="area-tree">
      <Tree<AreaTreeNode>
        key={root.code}
        treeData={treeData}
        defaultExpandedKeys={[root.code]}
        loadData={(node) => load(node.key)}
        titleRender={(node) => (
          <span>
            {node.title}
            {node.childCount !== undefined && node.childCount > 0 && (
              <Typography.Text type="secondary"> ({node.childCount})</Typography.Text>
            )}
          </span>
        )}
        onSelect={(_keys, info) => {
          if (info.node.key !== root.code) onSelect(info.node.area);
        }}
      />
    </Card>
  );
}
