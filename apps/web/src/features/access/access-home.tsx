import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import type { Decision } from '@/lib/api/capabilities';
import { useAccessChanges } from '@/lib/live/use-access-changes';
import { useSearchParam } from '@/lib/use-search-param';
import { MyAccess } from './my-access';
import { RolesTab } from './roles-tab';
import { WhoCanPromote } from './who-can-promote';

const TABS = [
  { id: 'roles', label: 'Roles' },
  { id: 'promote', label: 'Who can promote' },
  { id: 'me', label: 'My access' },
] as const;

export function AccessHome({ project, manage }: { project: string; manage: Decision }) {
  const [tabParam, setTab] = useSearchParam('tab');
  const tab = TABS.some((t) => t.id === tabParam) ? tabParam : 'roles';
  useAccessChanges(project);
  return (
    <>
      <Tabs
        value={tab}
        onChange={(_e, v: string) => setTab(v === 'roles' ? null : v, true)}
        aria-label="Access views"
        sx={{ mb: 2 }}
      >
        {TABS.map((t) => (
          <Tab
            key={t.id}
            value={t.id}
            label={t.label}
            id={`access-tab-${t.id}`}
            aria-controls="access-tabpanel"
          />
        ))}
      </Tabs>
      <div role="tabpanel" id="access-tabpanel" aria-labelledby={`access-tab-${tab}`}>
        {tab === 'roles' && <RolesTab project={project} manage={manage} />}
        {tab === 'promote' && <WhoCanPromote project={project} />}
        {tab === 'me' && <MyAccess project={project} />}
      </div>
    </>
  );
}
