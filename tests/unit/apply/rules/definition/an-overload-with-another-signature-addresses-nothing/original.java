public class Calculator {
    private long memory;

    public long add(int a) {
        memory += a;
        return memory;
    }

    public long add(int a, int b) {
        return a + b;
    }

    public void clear() {
        memory = 0;
    }
}
