package org.secflow.plugin;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.secflow.spi.CommsHubCommand;
import org.secflow.spi.Csp;
import org.secflow.spi.DeviceEvent;
import org.secflow.spi.DeviceEmulator;
import org.secflow.spi.DeviceEventListener;
import org.secflow.spi.Dsp;
import org.secflow.spi.EmulatedPremises;
import org.secflow.spi.EstateRequest;
import org.secflow.spi.ServiceRequest;
import org.secflow.spi.ServiceRequestAck;

/**
 * Host-side wrappers of providers: each call into a plugin runs with the plugin's class loader as thread context
 * class loader, each callback into the host (listeners, sinks) with the host's.
 */
final class GuardedProviders {
    private static final ClassLoader HOST = GuardedProviders.class.getClassLoader();

    private GuardedProviders() {
    }

    static DeviceEventListener toHost(DeviceEventListener listener) {
        return event -> {
            try (ContextClassLoader ignored = ContextClassLoader.swap(HOST)) {
                listener.onEvent(event);
            }
        };
    }

    record GuardedDsp(Dsp delegate, ClassLoader loader) implements Dsp {
        @Override
        public ServiceRequestAck submit(ServiceRequest request, DeviceEventListener listener) {
            try (ContextClassLoader ignored = ContextClassLoader.swap(loader)) {
                return delegate.submit(request, toHost(listener));
            }
        }

        @Override
        public void cancel(String requestId) {
            try (ContextClassLoader ignored = ContextClassLoader.swap(loader)) {
                delegate.cancel(requestId);
            }
        }

        @Override
        public void close() {
            try (ContextClassLoader ignored = ContextClassLoader.swap(loader)) {
                delegate.close();
            }
        }
    }

    /**
     * A CSP whose commands are counted in {@code inFlight} from the send until the first event past the CSP's own
     * acceptance (delivered to the hub, a device's answer or alert, or a failure); a send that throws is not counted.
     */
    record GuardedCsp(Csp delegate, ClassLoader loader, LongAdder inFlight) implements Csp {
        @Override
        public void send(CommsHubCommand command, DeviceEventListener listener) {
            DeviceEventListener host = toHost(listener);
            AtomicBoolean open = new AtomicBoolean(true);
            inFlight.increment();
            try (ContextClassLoader ignored = ContextClassLoader.swap(loader)) {
                delegate.send(command, event -> {
                    if (event.stage() != DeviceEvent.Stage.ACCEPTED_BY_CSP && open.compareAndSet(true, false)) {
                        inFlight.decrement();
                    }
                    host.onEvent(event);
                });
            } catch (RuntimeException | Error e) {
                if (open.compareAndSet(true, false)) {
                    inFlight.decrement();
                }
                throw e;
            }
        }

        @Override
        public void cancel(String commandId) {
            try (ContextClassLoader ignored = ContextClassLoader.swap(loader)) {
                delegate.cancel(commandId);
            }
        }

        @Override
        public java.util.Optional<String> wanVariant(org.secflow.spi.DeviceId commsHubId) {
            try (ContextClassLoader ignored = ContextClassLoader.swap(loader)) {
                return delegate.wanVariant(commsHubId);
            }
        }

        @Override
        public void close() {
            try (ContextClassLoader ignored = ContextClassLoader.swap(loader)) {
                delegate.close();
            }
        }
    }

    record GuardedDeviceEmulator(DeviceEmulator delegate, ClassLoader loader) implements DeviceEmulator {
        @Override
        public void generateEstate(EstateRequest request, Consumer<EmulatedPremises> sink) {
            try (ContextClassLoader ignored = ContextClassLoader.swap(loader)) {
                delegate.generateEstate(request, premises -> {
                    try (ContextClassLoader host = ContextClassLoader.swap(HOST)) {
                        sink.accept(premises);
                    }
                });
            }
        }

        @Override
        public void deliver(CommsHubCommand command, DeviceEventListener listener) {
            try (ContextClassLoader ignored = ContextClassLoader.swap(loader)) {
                delegate.deliver(command, toHost(listener));
            }
        }

        @Override
        public void close() {
            try (ContextClassLoader ignored = ContextClassLoader.swap(loader)) {
                delegate.close();
            }
        }
    }
}
