import { useMutation } from '@tanstack/react-query';
import type { AttentionAction, AttentionItem } from '@wharf/shared';
import type { Capabilities } from '@wharf/shared/api';
import { lazy, Suspense, useState } from 'react';
import { projectDecision, stageDecision, type Decision } from '@/lib/api/capabilities';
import { pushToast } from '@/lib/toasts';
import { PlainGuardedButton } from './plain-guarded-button';

// The action endpoints, with the schemas of their answers (whole stage, freight and promotion
// views), load on the first click instead of before the screen's first paint.
const actions = () => import('@/lib/api/actions');

// Asked only before some actions: loaded then, off the screen's first load.
const ConfirmActionDialog = lazy(() =>
  import('./confirm-action-dialog').then((m) => ({ default: m.ConfirmActionDialog })),
);

/** A project's capabilities, or why the BFF would not say (the project is gone or hidden). */
export type ItemCapabilities = Capabilities | { denied: string };

interface Plan {
  label: string;
  decision: Decision;
  /** Asked before acting when the action starts something (a promotion) or stops one. */
  confirm?: string;
  run: () => Promise<unknown>;
  done: string;
}

/** Each attention action is one existing action endpoint, guarded by its capability. */
function planOf(project: string, a: AttentionAction, caps: Capabilities | undefined): Plan {
  switch (a.type) {
    case 'retry-promotion':
      return {
        label: 'Retry',
        decision: stageDecision(caps, a.stage, 'promote'),
        confirm: `Promote the same freight to ${a.stage} again? A new Promotion runs its steps from the start.`,
        run: () => actions().then((m) => m.promote(project, a.stage, { freight: a.freight })),
        done: `Promotion to ${a.stage} started again.`,
      };
    case 'reverify':
      return {
        label: 'Reverify',
        decision: stageDecision(caps, a.stage, 'reverify'),
        run: () => actions().then((m) => m.reverify(project, a.stage)),
        done: `Verification of ${a.stage} asked for again.`,
      };
    case 'refresh-stage':
      return {
        label: 'Refresh',
        decision: stageDecision(caps, a.stage, 'refresh'),
        run: () => actions().then((m) => m.refreshStage(project, a.stage)),
        done: `Kargo was asked to look at ${a.stage} again.`,
      };
    case 'refresh-warehouse':
      return {
        label: 'Refresh',
        decision: projectDecision(caps, 'refreshWarehouse'),
        run: () => actions().then((m) => m.refreshWarehouse(project, a.warehouse)),
        done: `Warehouse ${a.warehouse} asked to discover again.`,
      };
    case 'abort-promotion':
      return {
        label: 'Abort',
        decision: projectDecision(caps, 'abortPromotion'),
        confirm: `Abort promotion ${a.promotion}? Steps already run are not undone.`,
        run: () => actions().then((m) => m.abortPromotion(project, a.promotion)),
        done: `Abort of ${a.promotion} asked for.`,
      };
    case 'resume-auto-promotion':
      return {
        label: 'Resume auto-promotion',
        decision: stageDecision(caps, a.stage, 'promote'),
        confirm: `Resume auto-promotion of ${a.origin} to ${a.stage}? Kargo then promotes the newest freight of ${a.origin} that ${a.stage} may take.`,
        run: () => actions().then((m) => m.promote(project, a.stage, { origin: a.origin })),
        done: `Auto-promotion of ${a.origin} to ${a.stage} resumed.`,
      };
    case 'approve':
      return {
        label: 'Approve',
        decision: stageDecision(caps, a.stage, 'approve'),
        confirm: `Approve this freight for ${a.stage}? It may then be promoted there without passing the stages before.`,
        run: () => actions().then((m) => m.approve(project, a.freight, a.stage)),
        done: `Approved for ${a.stage}.`,
      };
  }
}

/** The action that helps with one item, enabled only when Kubernetes says the user may. */
export function AttentionActionButton({
  item,
  caps,
}: {
  item: AttentionItem & { action: AttentionAction };
  caps: ItemCapabilities | undefined;
}) {
  const plan = planOf(item.project, item.action, caps && !('denied' in caps) ? caps : undefined);
  const decision: Decision =
    caps && 'denied' in caps ? { allowed: false, reason: caps.denied } : plan.decision;
  const [asking, setAsking] = useState(false);
  const act = useMutation({
    mutationFn: plan.run,
    onSuccess: () => pushToast(plan.done, 'success'),
  });
  const label = `${plan.label}: ${item.title} (${item.project})`;
  return (
    <>
      <PlainGuardedButton
        decision={decision}
        disabled={act.isPending}
        aria-label={label}
        onClick={() => (plan.confirm ? setAsking(true) : act.mutate())}
      >
        {plan.label}
      </PlainGuardedButton>
      {asking && (
        <Suspense fallback={null}>
          <ConfirmActionDialog
            title={item.title}
            question={plan.confirm ?? ''}
            action={plan.label}
            onCancel={() => setAsking(false)}
            onConfirm={() => {
              setAsking(false);
              act.mutate();
            }}
          />
        </Suspense>
      )}
    </>
  );
}
