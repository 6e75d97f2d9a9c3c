import { Alert } from '@mantine/core';
import type { ErrorBody } from '../../../shared/errors';

/** The one way a failed action is shown: the core's message, in a live region. */
export function ErrorNote({ error, large = false }: { error: ErrorBody | null | undefined; large?: boolean }) {
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert" data-testid="error" styles={large ? { message: { fontSize: 24 } } : undefined}>
      {error.message}
    </Alert>
  );
}
