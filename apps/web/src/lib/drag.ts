/**
 * The freight being dragged. Browsers hide dataTransfer contents until drop, but a drop target must
 * decide during dragover whether to accept (and say why not), so the name is also kept here.
 */
export const FREIGHT_MIME = 'application/x-wharf-freight';

let dragged: { name: string; origin: string } | null = null;

export function startFreightDrag(
  e: DragEvent | React.DragEvent,
  freight: { name: string; origin: string },
) {
  dragged = freight;
  e.dataTransfer?.setData(FREIGHT_MIME, freight.name);
  e.dataTransfer?.setData('text/plain', freight.name);
  if (e.dataTransfer) e.dataTransfer.effectAllowed = 'copy';
}

export function endFreightDrag() {
  dragged = null;
}

export function draggedFreight() {
  return dragged;
}
