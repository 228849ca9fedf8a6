// A thin bar at the top while the next page's code or data is on its way.
import { useNavigation } from 'react-router';
import styles from './NavigationProgress.module.css';

export function NavigationProgress() {
  const navigation = useNavigation();
  if (navigation.state === 'idle') return null;
  return (
    <div className={styles.bar} role="progressbar" aria-label="Loading page">
      <span className={styles.fill} />
    </div>
  );
}
