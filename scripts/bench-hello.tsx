// The yardstick: an Ink hello world, bundled like the app.
import { render, Text, useApp, useInput } from 'ink';

function Hello() {
  const { exit } = useApp();
  useInput((input) => {
    if (input === 'q') exit();
  });
  return <Text>Hello</Text>;
}
render(<Hello />);
