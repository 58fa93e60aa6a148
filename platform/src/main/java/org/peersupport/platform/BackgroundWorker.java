package org.peersupport.platform;

import java.time.Duration;
import org.springframework.context.SmartLifecycle;

/** A daemon thread that repeats one round of work while the application runs, started after and stopped before the
 * bindings and the Mongo client. */
public abstract class BackgroundWorker implements SmartLifecycle {

    private final String name;
    private volatile boolean running;
    private Thread worker;

    protected BackgroundWorker(String name) {
        this.name = name;
    }

    /** One round of work; returns how long to pause before the next ({@link Duration#ZERO} for at once). */
    protected abstract Duration runOnce();

    /** Pauses between rounds; a subclass may let something cut the pause short. */
    protected void pause(Duration pause) throws InterruptedException {
        Thread.sleep(pause.toMillis());
    }

    private void loop() {
        while (running) {
            try {
                Duration next = runOnce();
                if (!next.isZero()) {
                    pause(next);
                }
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::loop, name);
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
