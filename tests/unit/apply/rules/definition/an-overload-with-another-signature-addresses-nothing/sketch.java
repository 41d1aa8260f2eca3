public class Calculator {
    public long add(long a, long b) {
        return Math.addExact(a, b);
    }
}
