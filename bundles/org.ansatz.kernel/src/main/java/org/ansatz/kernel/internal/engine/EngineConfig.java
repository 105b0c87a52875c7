package org.ansatz.kernel.internal.engine;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Ansatz tensor engine",
        description = "DJL engine and its thread pools.")
@interface EngineConfig {

    @AttributeDefinition(description = "DJL engine name.")
    String engine() default EngineSettings.PYTORCH;

    @AttributeDefinition(min = "0", description = "Threads inside one tensor operation; 0 = one per core. "
            + "For small problems one thread can be faster.")
    int intraOpThreads() default 0;

    @AttributeDefinition(min = "1", description = "Threads running independent operations; fixed once "
            + "the engine has started in this process.")
    int interOpThreads() default 1;
}
