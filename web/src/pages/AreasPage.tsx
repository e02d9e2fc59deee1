import { Col, Row, Space } from 'antd';
import { useSelectedArea } from '../area/context.ts';
import { AreaSearch } from './areas/AreaSearch.tsx';
import { AreaSummary } from './areas/AreaSummary.tsx';
import { AreaTree } from './areas/AreaTree.tsx';

export default function AreasPage() {
  const { area, setArea } = useSelectedArea();
  return (
    <Space direction="vertical" size={24} style={{ width: '100%' }}>
      <AreaSummary area={area} />
      <Row gutter={[24, 24]}>
        <Col xs={24} lg={12}>
          <AreaTree root={area} onSelect={setArea} />
        </Col>
        <Col xs={24} lg={12}>
          <AreaSearch onSelect={setArea} />
        </Col>
      </Row>
    </Space>
  );
}
