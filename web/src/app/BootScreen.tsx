// What shows for the moment between the first script and the first page (a lazy page's code).
import { LoadingMessage } from '../ui/LoadingMessage';

export function BootScreen() {
  return <LoadingMessage />;
}
